import { useQuery } from '../api/useQuery';
import { getClient } from '../api/client';

export function Settings() {
  const { data, error, reload } = useQuery('systemInfo', {});
  return (
    <section className="workspace" aria-label="Settings">
      <header className="panel-header">
        <h2>Settings</h2>
        <button onClick={reload}>Refresh</button>
      </header>
      {error && <p className="error">{error}</p>}
      {data && (
        <dl className="facts">
          <dt>Database</dt>
          <dd data-testid="db-path"><code>{data.dbPath}</code> (schema v{data.schemaVersion})</dd>
          <dt>Network lockdown</dt>
          <dd data-testid="lockdown">{data.network.lockdown ? 'On' : 'Off'} — {data.network.policy}</dd>
          <dt>Ollama</dt>
          <dd data-testid="ollama">
            <code>{data.ollama.host}</code> —{' '}
            {data.ollama.reachable ? `connected, models: ${data.ollama.models.join(', ') || 'none pulled'}` : `not reachable (${data.ollama.error}); rule-based fallbacks are used`}
          </dd>
          <dt>Connection</dt>
          <dd>{getClient().transport === 'electron' ? 'Desktop app (IPC)' : 'Browser via kinetwin serve (loopback, token)'} · mode {data.mode}</dd>
          <dt>Contents</dt>
          <dd>{data.counts.subjects} subjects · {data.counts.trials} trials · {data.counts.artifacts} artifacts · {data.counts.auditRows} audit rows</dd>
          <dt>Version</dt>
          <dd>{data.version}</dd>
        </dl>
      )}
    </section>
  );
}
