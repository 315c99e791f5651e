import { useEffect } from 'react';
import { useStore } from 'zustand';
import { analyse, propose } from './assistantActions';
import { assistantStore } from './assistantStore';
import { MappingTable } from './MappingTable';
import { NoteReview } from './NoteReview';
import { SourceBadge } from './SourceBadge';

// Human-in-the-loop import assistant: route a file, review the proposed header mapping or note extraction, confirm.
export function ImportAssistant({ onClose }: { onClose: () => void }) {
  const path = useStore(assistantStore, (s) => s.path);
  const setPath = useStore(assistantStore, (s) => s.setPath);
  const { busy, error, route, mapping, extraction, saved } = useStore(assistantStore);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="assistant-backdrop">
      <section className="assistant" role="dialog" aria-modal="true" aria-label="Import assistant">
        <header className="panel-header">
          <h3>Import assistant</h3>
          <button onClick={onClose} aria-label="Close the import assistant">Close</button>
        </header>
        <form className="row" onSubmit={(e) => { e.preventDefault(); void analyse(); }}>
          <input className="assistant-path" autoFocus value={path} onChange={(e) => setPath(e.target.value)} placeholder="/path/to/export.csv or note.txt" aria-label="File path" />
          <button type="submit" disabled={busy !== null || path.trim() === ''}>Analyse</button>
        </form>
        {busy && <p className="muted" role="status">{busy}</p>}
        {error && <p className="error" role="alert">{error}</p>}
        {route && (
          <dl className="facts" data-testid="assistant-route">
            <dt>Importer</dt><dd><code>{route.importer}</code></dd>
            <dt>Kind</dt><dd>{route.kind}</dd>
            <dt>Confidence</dt><dd>{Math.round(route.confidence * 100)}% <SourceBadge source={route.source} /></dd>
            <dt>Why</dt><dd className="muted">{route.reasons.join('; ') || '—'}</dd>
          </dl>
        )}
        {route && !mapping && !extraction && !busy && !error && <p className="muted">This file is read by the <code>{route.importer}</code> importer directly; there are no headers to map.</p>}
        {route && !busy && (
          <div className="row muted assistant-override">
            Not right?
            <button onClick={() => void propose('table')}>Read as a table</button>
            <button onClick={() => void propose('note')}>Read as a clinical note</button>
          </div>
        )}
        <MappingTable />
        <NoteReview />
        {saved && <p className="ok" role="status" data-testid="assistant-saved">✓ {saved}</p>}
      </section>
    </div>
  );
}
