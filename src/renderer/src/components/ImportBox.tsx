import { useEffect, useState } from 'react';
import { getClient } from '../api/client';

// Import by path (the backend runs on this machine, so local paths work in the desktop app and in browser mode).
export function ImportBox({ onDone }: { onDone: () => void }) {
  const [paths, setPaths] = useState('');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number; message?: string } | null>(null);
  const [report, setReport] = useState<string[]>([]);
  useEffect(() => getClient().onProgress((p) => p.operation === 'importFiles' && setProgress(p)), []);
  const run = async () => {
    const list = paths.split('\n').map((p) => p.trim()).filter(Boolean);
    if (!list.length) return;
    setBusy(true);
    setReport([]);
    try {
      const { results } = await getClient().call('importFiles', { paths: list });
      setReport(results.map((r) => (r.status === 'imported' ? `✓ ${r.label}: ${r.points} points × ${r.frames} frames` : r.status === 'duplicate' ? `= already imported (trial ${r.trialId})` : `✗ ${r.error}`)));
      onDone();
    } catch (e) {
      setReport([`✗ ${(e as Error).message}`]);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };
  return (
    <details className="import-box">
      <summary>Import recordings…</summary>
      <textarea rows={3} placeholder="/path/to/trial.c3d (one path per line)" value={paths} onChange={(e) => setPaths(e.target.value)} aria-label="Files to import" />
      <div className="row">
        <button disabled={busy} onClick={() => void run()}>{busy ? 'Importing…' : 'Import'}</button>
        {progress && <progress max={progress.total} value={progress.done} aria-label="Import progress" />}
      </div>
      {report.map((line, i) => <div key={i} className={line.startsWith('✗') ? 'error' : 'muted'}>{line}</div>)}
    </details>
  );
}
