import { useState } from 'react';
import { ArtifactList } from '../assistant/ArtifactList';
import { getClient } from '../api/client';
import { useQuery } from '../api/useQuery';
import { EmptyState } from '../components/EmptyState';

export function Audit() {
  const { data, error, reload } = useQuery('auditLog', { limit: 200 });
  const [verdict, setVerdict] = useState<string | null>(null);
  const verify = async () => {
    const v = await getClient().call('auditVerify', {});
    setVerdict(v.ok ? `Hash chain intact (${v.rows} rows)` : `TAMPERED: ${v.problem}`);
  };
  return (
    <section className="workspace" aria-label="Audit">
      <header className="panel-header">
        <h2>Audit</h2>
        <div className="row">
          <button onClick={reload}>Refresh</button>
          <button onClick={() => void verify()}>Verify chain</button>
        </div>
      </header>
      {verdict && <p className={verdict.startsWith('TAMPERED') ? 'error' : 'ok'}>{verdict}</p>}
      {error && <p className="error">{error}</p>}
      {data && data.rows.length === 0 && (
        <EmptyState title="The audit log is empty">
          Every change — imports, settings, generated datasets, export decisions — is appended here, each entry hashing
          the one before it so that tampering is detectable.
        </EmptyState>
      )}
      {data && data.rows.length > 0 && (
        <table className="table">
          <thead><tr><th>#</th><th>Time</th><th>Actor</th><th>Action</th><th>Details</th><th>Hash</th></tr></thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.id}>
                <td>{r.id}</td><td>{r.ts}</td><td>{r.actor}</td><td>{r.action}</td>
                <td><code>{JSON.stringify(r.details)}</code></td><td><code>{r.hash.slice(0, 12)}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ArtifactList />
    </section>
  );
}
