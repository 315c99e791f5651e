import { useState } from 'react';
import { useQuery } from '../api/useQuery';
import { ImportAssistant } from '../assistant/ImportAssistant';
import { EmptyState } from '../components/EmptyState';
import { ImportBox } from '../components/ImportBox';
import { useApp } from '../store/hooks';
import { Markers } from '../viewport/Markers';
import { Viewport } from '../viewport/Viewport';
import { TrialPanel } from './TrialPanel';

export function Library() {
  const { data, error, loading, reload } = useQuery('listTrials', {});
  const selected = useApp((s) => s.selectedTrialId);
  const selectTrial = useApp((s) => s.selectTrial);
  const [assistant, setAssistant] = useState(false);
  return (
    <section className="workspace split" aria-label="Library">
      <div className="panel">
        <header className="panel-header">
          <h2>Library</h2>
          <button onClick={reload}>Refresh</button>
        </header>
        <ImportBox onDone={reload} />
        <button onClick={() => setAssistant(true)}>Import assistant…</button>
        {assistant && <ImportAssistant onClose={() => setAssistant(false)} />}
        {loading && <p className="muted">Loading…</p>}
        {error && <p className="error">{error}</p>}
        {data && data.trials.length === 0 && (
          <EmptyState title="No recordings yet">
            Imported motion capture (C3D, TRC), force plates, IMUs and training logs are listed here, de-identified.
            Import above or with <code>kinetwin import FILE…</code>.
          </EmptyState>
        )}
        {data && data.trials.length > 0 && (
          <table className="table" aria-label="Trials">
            <thead>
              <tr><th>Trial</th><th>Format</th><th>Subject</th><th>Points</th><th>Frames</th></tr>
            </thead>
            <tbody>
              {data.trials.map((t) => (
                <tr key={t.id} className={t.id === selected ? 'selected' : ''} tabIndex={0} onClick={() => selectTrial(t.id)} onKeyDown={(e) => e.key === 'Enter' && selectTrial(t.id)}>
                  <td>{t.label}</td><td>{t.format}</td><td>{t.subject ?? '—'}</td><td>{t.pointCount}</td><td>{t.frames}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {selected !== null && <TrialPanel id={selected} />}
      </div>
      <Viewport>
        <Markers />
      </Viewport>
    </section>
  );
}
