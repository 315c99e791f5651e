import { EmptyState } from '../components/EmptyState';
import { Viewport } from '../viewport/Viewport';

export { Twin } from './Twin';

export function Simulation() {
  return (
    <section className="workspace split" aria-label="Simulation">
      <div className="panel">
        <h2>Simulation</h2>
        <EmptyState title="Nothing simulated yet">
          Drop landings, countermovement jumps and hand-pose sampling run here live in Ammo.js physics, with contact
          force arrows and plots.
        </EmptyState>
      </div>
      <Viewport />
    </section>
  );
}

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
