import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../../backend/api/types';
import { getClient } from '../api/client';
import { decodeFloat32 } from '../api/decode';
import { ForcePhasePlot } from './ForcePhasePlot';

type Trials = ResponseOf<'listTrials'>['trials'];
type JumpResult = ResponseOf<'twinJumpTrial'>;

const cm = (m: number | null) => (m === null ? '—' : `${(m * 100).toFixed(1)} cm`);
const pct = (v: number) => `${v.toFixed(1)} %`;

// The jump report of a stored force-text trial: heights (both methods), flight time, RSI-mod, peaks, asymmetry, force–time.
export function JumpPanel({ trials }: { trials: Trials }) {
  const forceTrials = trials.filter((t) => t.format === 'force-text');
  const [id, setId] = useState<number | null>(null);
  const [result, setResult] = useState<{ r: JumpResult; force: Float32Array } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (id === null) return;
    let alive = true;
    setResult(null);
    getClient()
      .call('twinJumpTrial', { trialId: id })
      .then((r) => alive && (setError(null), setResult({ r, force: decodeFloat32(r.force) })))
      .catch((e: Error) => alive && setError(e.message));
    return () => { alive = false; };
  }, [id]);
  if (forceTrials.length === 0)
    return <p className="muted">No force-plate jump trial in the library: import a vertical-force text file (e.g. a countermovement jump) in the Library, then pick it here.</p>;
  const rep = result?.r.report;
  return (
    <div className="jump-panel" data-testid="jump-panel">
      <label className="row" style={{ alignItems: 'center', marginBottom: 8 }}><span style={{ whiteSpace: 'nowrap' }}>Jump trial</span>
        <select aria-label="Jump trial" value={id ?? ''} onChange={(e) => setId(e.target.value ? Number(e.target.value) : null)}>
          <option value="">choose a force-text trial…</option>
          {forceTrials.map((t) => <option key={t.id} value={t.id}>{t.label}</option>)}
        </select>
      </label>
      {error && <p className="error">{error}</p>}
      {id !== null && !rep && !error && <p className="muted">Analysing…</p>}
      {rep && result && (
        <>
          <dl className="facts">
            <dt>Type</dt><dd>{rep.type.toUpperCase()}{rep.typeDetected ? ' (detected)' : ''}</dd>
            <dt>Height (take-off velocity)</dt><dd>{cm(rep.jumpHeight)}</dd>
            <dt>Height (flight time)</dt><dd>{cm(rep.jumpHeightFlight)}</dd>
            <dt>Flight time</dt><dd>{rep.flightTime === null ? '—' : `${(rep.flightTime * 1000).toFixed(0)} ms`}</dd>
            <dt>RSI-mod</dt><dd>{rep.rsiModified.toFixed(2)} m/s</dd>
            {rep.rsi !== null && <><dt>RSI</dt><dd>{rep.rsi.toFixed(2)}</dd></>}
            <dt>Peak force</dt><dd>{rep.peakForceN.toFixed(0)} N ({(rep.peakForceN / rep.bodyWeightN).toFixed(2)} BW)</dd>
            <dt>Peak power</dt><dd>{rep.peakPowerW.toFixed(0)} W ({(rep.peakPowerW / rep.bodyMassKg).toFixed(1)} W/kg)</dd>
            <dt>Body mass</dt><dd>{rep.bodyMassKg.toFixed(1)} kg</dd>
            {rep.asymmetry && <><dt>Peak-force asymmetry</dt><dd>{pct(rep.asymmetry.peakForce.asymmetryPct)} ({rep.asymmetry.peakForce.larger} larger)</dd></>}
            {rep.asymmetry?.phases.map((p) => <span key={p.phase} style={{ display: 'contents' }}><dt>{p.phase} impulse asym.</dt><dd>{pct(p.impulse.asymmetryPct)} ({p.impulse.larger})</dd></span>)}
            {!rep.asymmetry && <><dt>Asymmetry</dt><dd className="muted">one plate: not available</dd></>}
          </dl>
          <ForcePhasePlot force={result.force} rate={result.r.rate} phases={rep.phases} bodyWeightN={rep.bodyWeightN} />
          {rep.warnings.map((w) => <p key={w} className="muted">⚠ {w}</p>)}
        </>
      )}
    </div>
  );
}
