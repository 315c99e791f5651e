import { Audit } from './workspaces/Audit';
import { Library } from './workspaces/Library';
import { Cohorts } from './workspaces/Cohorts';
import { Simulation } from './workspaces/Simulation';
import { Twin } from './workspaces/Twin';
import { Settings } from './workspaces/Settings';
import { useApp } from './store/hooks';
import { WORKSPACES, type Workspace } from './store/app';

const VIEWS: Record<Workspace, () => React.JSX.Element> = { Library, Twin, Simulation, Cohorts, Audit, Settings };

export function App() {
  const workspace = useApp((s) => s.workspace);
  const setWorkspace = useApp((s) => s.setWorkspace);
  const View = VIEWS[workspace];
  return (
    <div className="app">
      <nav className="nav" aria-label="Workspaces">
        <div className="brand">Kinetwin</div>
        {WORKSPACES.map((w) => (
          <button key={w} className={w === workspace ? 'active' : ''} aria-current={w === workspace ? 'page' : undefined} onClick={() => setWorkspace(w)}>
            {w}
          </button>
        ))}
      </nav>
      <main className="main">
        <View />
      </main>
    </div>
  );
}
