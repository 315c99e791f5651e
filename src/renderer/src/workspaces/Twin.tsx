import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { getClient } from '../api/client';
import { decodeFloat32 } from '../api/decode';
import { useQuery } from '../api/useQuery';
import { EmptyState } from '../components/EmptyState';
import { Timeline } from '../components/Timeline';
import { playbackStore } from '../store/playback';
import { AnglePlots } from '../twin/AnglePlots';
import { JumpPanel } from '../twin/JumpPanel';
import { Skeleton } from '../twin/Skeleton';
import { decodeTwin, twinStore } from '../twin/twinStore';
import { Markers } from '../viewport/Markers';
import { Viewport } from '../viewport/Viewport';

const FORM = { display: 'grid', gridTemplateColumns: '110px 1fr', gap: '6px 10px', alignItems: 'center', marginBottom: 8 } as const;

// Twin workspace: scale the twin to a static trial, solve IK on a dynamic one, play the skeleton over the
// markers with linked joint-angle plots; and the jump report of a force-plate trial.
export function Twin() {
  const { data, error, loading, reload } = useQuery('listTrials', {});
  const twin = useStore(twinStore, (s) => s.twin);
  const [staticId, setStaticId] = useState<number | null>(null);
  const [dynamicId, setDynamicId] = useState<number | null>(null);
  const [mass, setMass] = useState('');
  const [sex, setSex] = useState<'male' | 'female'>('male');
  const [busy, setBusy] = useState(false);
  const [buildError, setBuildError] = useState<string | null>(null);
  const trials = data?.trials ?? [];
  const markerTrials = trials.filter((t) => t.pointCount > 0);
  const st = staticId ?? markerTrials.find((t) => /static/i.test(t.label))?.id ?? null;
  const dy = dynamicId ?? markerTrials.find((t) => t.id !== st)?.id ?? null;

  // the dynamic trial's markers into the shared playback store (the skeleton is drawn at the same frame)
  async function loadMarkers(id: number): Promise<boolean> {
    const d = await getClient().call('getTrialData', { id });
    playbackStore.getState().load({
      id: d.id, label: d.label, labels: d.points?.labels ?? [], rate: d.points?.rate ?? 1, frames: d.points?.frames ?? 0,
      positions: d.points ? decodeFloat32(d.points.data) : new Float32Array(0), analogs: null, events: d.events,
    });
    return (d.metadata as { upAxis?: string }).upAxis === 'y';
  }

  // back in the workspace after the Library played another trial: reload the twin's own markers
  useEffect(() => {
    const t = twinStore.getState().twin;
    if (t && playbackStore.getState().trial?.id !== t.dynamicTrialId) loadMarkers(t.dynamicTrialId).catch((e: Error) => setBuildError(e.message));
  }, []);

  async function build() {
    if (st === null || dy === null) return;
    setBusy(true);
    setBuildError(null);
    try {
      const massKg = mass.trim() ? Number(mass) : undefined;
      const r = await getClient().call('twinAnalyzeTrials', { staticTrialId: st, dynamicTrialId: dy, sex, ...(massKg && massKg > 0 ? { massKg } : {}) });
      const yUp = await loadMarkers(dy);
      twinStore.getState().set(decodeTwin(r, st, dy, yUp));
    } catch (e) {
      setBuildError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="workspace split" aria-label="Twin">
      <div className="panel twin-panel">
        <div className="panel-header"><h2>Twin</h2><button onClick={reload}>Refresh</button></div>
        {error && <p className="error">{error}</p>}
        {loading && !data && <p className="muted">Loading trials…</p>}
        {data && markerTrials.length < 1 && (
          <EmptyState title="No marker trials yet">Import a static (standing) trial and a walking or jumping trial (TRC or C3D) in the Library, then build the twin here.</EmptyState>
        )}
        {markerTrials.length > 0 && (
          <form className="twin-form" style={FORM} onSubmit={(e) => { e.preventDefault(); void build(); }}>
            <label htmlFor="twin-static">Static trial</label>
            <select id="twin-static" aria-label="Static trial" value={st ?? ''} onChange={(e) => setStaticId(Number(e.target.value))}>
              {markerTrials.map((t) => <option key={t.id} value={t.id}>{t.label} ({t.frames} frames)</option>)}
            </select>
            <label htmlFor="twin-dynamic">Dynamic trial</label>
            <select id="twin-dynamic" aria-label="Dynamic trial" value={dy ?? ''} onChange={(e) => setDynamicId(Number(e.target.value))}>
              {markerTrials.map((t) => <option key={t.id} value={t.id}>{t.label} ({t.frames} frames)</option>)}
            </select>
            <label htmlFor="twin-mass">Mass (kg)</label>
            <input id="twin-mass" aria-label="Body mass in kg" type="number" min={1} max={500} step={0.1} placeholder="75" value={mass} onChange={(e) => setMass(e.target.value)} style={{ width: '6em' }} />
            <label htmlFor="twin-sex">Sex</label>
            <select id="twin-sex" aria-label="Sex" value={sex} onChange={(e) => setSex(e.target.value as 'male' | 'female')}>
              <option value="male">male</option><option value="female">female</option>
            </select>
            <span />
            <button type="submit" style={{ justifySelf: 'start' }} disabled={busy || st === null || dy === null} data-testid="twin-build">{busy ? 'Building…' : 'Build twin'}</button>
          </form>
        )}
        {buildError && <p className="error" role="alert">{buildError}</p>}
        {!twin && markerTrials.length > 0 && !busy && <p className="muted">Choose the static and dynamic trials and press “Build twin”: the model is scaled to the static trial and solved frame by frame on the dynamic one.</p>}
        {twin && (
          <>
            <p className="muted" data-testid="twin-summary">{twin.markerSet} markers · {twin.segments.length} segments · {twin.frames} frames at {twin.rate} Hz · marker RMS {(twin.meanRmsErrorM * 1000).toFixed(1)} mm</p>
            <Timeline />
            <AnglePlots />
            {twin.warnings.length > 0 && (
              <details><summary>{twin.warnings.length} warning(s)</summary>{twin.warnings.map((w) => <p key={w} className="muted">{w}</p>)}</details>
            )}
          </>
        )}
        <h3>Jump report</h3>
        <JumpPanel trials={trials} />
      </div>
      <Viewport>
        <group rotation={twin?.yUp ? [Math.PI / 2, 0, 0] : [0, 0, 0]}>
          <Markers />
          <Skeleton />
        </group>
      </Viewport>
    </section>
  );
}
