import { useState } from 'react';
import { getClient } from '../api/client';
import { seriesColor } from '../components/LinePlot';
import { HistogramPlot, type Hist } from './Histogram';

// Validation (fidelity) and privacy checks of a synthetic table or cohort directory against real tables.
type Privacy = Awaited<ReturnType<typeof callPrivacy>>;
const callPrivacy = (r: { synthetic: string; train: string; holdout: string }) => getClient().call('checkPrivacy', { ...r, maxQueryRows: 2000 });
type Validation = Awaited<ReturnType<typeof callValidate>>;
const callValidate = (r: { synthetic: string; real: string }) => getClient().call('validateCohort', r);

export function CheckPanel({ initialSynthetic = '' }: { initialSynthetic?: string }) {
  const [paths, setPaths] = useState({ synthetic: initialSynthetic, train: '', holdout: '' });
  const [privacy, setPrivacy] = useState<Privacy | null>(null);
  const [validation, setValidation] = useState<Validation | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (what: 'privacy' | 'validate') => {
    setBusy(what);
    setError(null);
    try {
      if (what === 'privacy') setPrivacy(await callPrivacy(paths));
      else setValidation(await callValidate({ synthetic: paths.synthetic, real: paths.holdout || paths.train }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  const summary = validation?.report.summary as Record<string, number | boolean> | undefined;
  const columns = (validation?.report.columns ?? []) as { name: string; score: number; kind: string }[];
  const hasCategorical = columns.some((c) => c.kind === 'categorical');
  return (
    <div className="panel">
      <fieldset className="form">
        <legend>Validate and check privacy</legend>
        <label>Synthetic (CSV or dataset directory) <input value={paths.synthetic} onChange={(e) => setPaths({ ...paths, synthetic: e.target.value })} /></label>
        <label>Real training table (CSV) <input value={paths.train} onChange={(e) => setPaths({ ...paths, train: e.target.value })} /></label>
        <label>Real holdout table (CSV) <input value={paths.holdout} onChange={(e) => setPaths({ ...paths, holdout: e.target.value })} /></label>
        <div className="row">
          <button disabled={busy !== null} onClick={() => void run('validate')}>{busy === 'validate' ? 'Validating…' : 'Validate'}</button>
          <button disabled={busy !== null} onClick={() => void run('privacy')}>{busy === 'privacy' ? 'Checking…' : 'Check privacy'}</button>
        </div>
      </fieldset>
      {error && <p className="error">{error}</p>}
      {summary && (
        <div data-testid="validation-report">
          <h3>Fidelity</h3>
          <dl className="facts">
            <dt>Overall score</dt><dd>{Number(summary.overall).toFixed(3)}</dd>
            <dt>KS complement (numeric)</dt><dd>{Number(summary.ksComplementMean).toFixed(3)}</dd>
            {hasCategorical && <><dt>TV complement (categorical)</dt><dd>{Number(summary.tvComplementMean).toFixed(3)}</dd></>}
            <dt>Correlation similarity</dt><dd>{Number(summary.correlationSimilarityMean).toFixed(3)}</dd>
            <dt>Discriminator AUC</dt><dd>{Number(summary.discriminatorAuc).toFixed(3)} (0.5 = indistinguishable)</dd>
            <dt>Quotas</dt><dd>{summary.quotasMet ? 'met' : 'NOT met'}</dd>
          </dl>
          <table className="table"><thead><tr><th>Column</th><th>Shape score</th></tr></thead>
            <tbody>{columns.slice(0, 30).map((c) => <tr key={c.name}><td>{c.name}</td><td><meter min={0} max={1} value={c.score} /> {c.score.toFixed(3)}</td></tr>)}</tbody>
          </table>
        </div>
      )}
      {privacy && (
        <div data-testid="privacy-report">
          <h3>Privacy — {privacy.passed ? <span className="ok">passed</span> : <span className="error">FAILED</span>}</h3>
          <dl className="facts">
            <dt>Exact copies</dt><dd>{privacy.exactCopies}</dd>
            <dt>DCR baseline protection</dt><dd>{privacy.dcrBaselineProtection.toFixed(3)}</dd>
            <dt>DCR overfitting protection</dt><dd>{privacy.dcrOverfittingProtection.toFixed(3)} (threshold {privacy.threshold})</dd>
            <dt>NNDR median</dt><dd>{privacy.nndrMedian.toFixed(3)}</dd>
            <dt>Membership-inference AUC</dt><dd>{privacy.membershipInferenceAuc.toFixed(3)} (0.5 = no leak)</dd>
            <dt>Rows</dt><dd>{privacy.rows.synthetic} synthetic · {privacy.rows.train} train · {privacy.rows.holdout} holdout · {privacy.columns.length} columns</dd>
          </dl>
          <HistogramPlot
            series={(['syntheticToTrain', 'syntheticToHoldout', 'randomToTrain'] as const).filter((k) => privacy.histograms[k]).map((k, i) => ({ label: k, hist: privacy.histograms[k] as Hist, color: seriesColor(i) }))}
          />
          <div className="legend">{['synthetic→train', 'synthetic→holdout', 'random→train'].map((l, i) => <span key={l} style={{ color: seriesColor(i) }}>■ {l} </span>)}</div>
          {privacy.warnings.map((w) => <p key={w} className="muted">{w}</p>)}
        </div>
      )}
    </div>
  );
}
