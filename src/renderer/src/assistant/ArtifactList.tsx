import { useQuery } from '../api/useQuery';
import { EmptyState } from '../components/EmptyState';

// Stored artifacts with their provenance for the Audit workspace, newest first: model and digest (or "rules"),
// prompt version and hash, schema hash, the raw model replies collapsed, and the lineage edges.
type Prov = { engine?: string; model?: string; digest?: string | null; promptVersion?: string; promptHash?: string; schemaHash?: string; attempts?: number; rawReplies?: string[]; errors?: string[] };

function short(hash: string | null | undefined): string {
  return hash ? hash.replace(/^sha256:/, '').slice(0, 12) : '—';
}

function Provenance({ p }: { p: Prov | undefined }) {
  if (!p) return <span className="muted">—</span>;
  if (p.engine === 'rules' || !p.model) return <span>rules</span>;
  return (
    <div className="provenance">
      <div><code>{p.model}</code> <code title={p.digest ?? ''}>{short(p.digest)}</code></div>
      <div className="muted">prompt {p.promptVersion} <code title={p.promptHash}>{short(p.promptHash)}</code> · schema <code title={p.schemaHash}>{short(p.schemaHash)}</code></div>
      <details>
        <summary>Raw repl{(p.rawReplies?.length ?? 0) === 1 ? 'y' : 'ies'} ({p.rawReplies?.length ?? 0}, {p.attempts ?? 0} attempt{p.attempts === 1 ? '' : 's'})</summary>
        {(p.rawReplies ?? []).map((r, i) => <pre key={i} className="raw-reply">{r}</pre>)}
        {(p.errors ?? []).map((e, i) => <p key={i} className="error">{e}</p>)}
      </details>
    </div>
  );
}

export function ArtifactList() {
  const { data, error, reload } = useQuery('listArtifacts', { limit: 200 });
  return (
    <div className="artifacts">
      <header className="panel-header">
        <h3>Artifacts and provenance</h3>
        <button onClick={reload}>Refresh artifacts</button>
      </header>
      {error && <p className="error">{error}</p>}
      {data && data.artifacts.length === 0 && (
        <EmptyState title="No artifacts yet">
          Confirmed header mappings and note extractions from the import assistant are stored here with the model, its
          digest, the prompt and schema hashes and the raw reply.
        </EmptyState>
      )}
      {data && data.artifacts.length > 0 && (
        <table className="table" aria-label="Artifacts">
          <thead><tr><th>#</th><th>Time</th><th>Kind</th><th>Label</th><th>Source file</th><th>Provenance</th><th>Lineage</th></tr></thead>
          <tbody>
            {data.artifacts.map((a) => {
              const params = (a.params ?? {}) as { provenance?: Prov };
              return (
                <tr key={a.id}>
                  <td>{a.id}</td><td>{a.createdAt}</td><td>{a.kind}</td><td>{a.label}</td>
                  <td><code title={a.sha256 ?? ''}>{short(a.sha256)}</code></td>
                  <td><Provenance p={params.provenance} /></td>
                  <td>{a.lineage.map((l, i) => <div key={i} className="muted">{l.relation} ← {l.parentKind} <code>{l.parentKind === 'file' ? short(l.parentId) : ((l.parameters as { pseudonym?: string } | null)?.pseudonym ?? l.parentId)}</code></div>)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
