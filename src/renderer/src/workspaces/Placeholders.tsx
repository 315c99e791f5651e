export { Simulation } from './Simulation';
import { EmptyState } from '../components/EmptyState';
import { Viewport } from '../viewport/Viewport';

export { Twin } from './Twin';

export function Cohorts() {
  return (
    <section className="workspace" aria-label="Cohorts">
      <h2>Cohorts</h2>
      <EmptyState title="No synthetic cohorts yet">
        Virtual cohorts fitted to real anthropometry — with condition quotas, labelled samples, validation against held-out
        data and privacy checks — are specified, generated and reviewed here.
      </EmptyState>
    </section>
  );
}
