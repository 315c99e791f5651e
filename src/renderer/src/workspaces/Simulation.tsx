import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { getClient } from '../api/client';
import { EmptyState } from '../components/EmptyState';
import { LinePlot, seriesColor } from '../components/LinePlot';
import { Timeline } from '../components/Timeline';
import { HandView, type HandGraspView } from '../simulation/HandView';
import { LandingBody } from '../simulation/LandingBody';
import { LandingView } from '../simulation/LandingView';
import { cancelLanding, liveLanding, runLanding as runLandingLive } from '../simulation/liveLanding';
import { playbackStore } from '../store/playback';
import { useClock } from '../store/useClock';
import { Viewport } from '../viewport/Viewport';

type Landing = Awaited<ReturnType<typeof runLandingLive>> & Record<string, unknown>;
interface HandResult { keypointNames: string[]; maxLimitViolationDeg: number; collisionFree: number; samples: { index: number; limitViolationDeg: number; keypoints: (number[] | null)[]; grasp?: HandGraspView }[] }

const LANDING_CHANNELS = ['grfVerticalBw', 'kneeFlexionDeg', 'hipFlexionDeg', 'comHeightM'] as const;

export function Simulation() {
  const [form, setForm] = useState({ massKg: 75, statureM: 1.75, sex: 'm' as 'f' | 'm', heightM: 0.45, strategy: 'soft' as 'soft' | 'stiff' });
  const [landing, setLanding] = useState<Landing | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [hand, setHand] = useState<HandResult | null>(null);
  const [handForm, setHandForm] = useState({ absent: '', fused: '', extra: false, seed: 1, grasp: '' as '' | 'cylinder' | 'sphere' });
  const [pick, setPick] = useState(0);
  const trial = useStore(playbackStore, (s) => s.trial);
  const time = useClock();
  const engine = useStore(liveLanding, (s) => s.engine);
  const liveFrames = useStore(liveLanding, (s) => s.count);
  useEffect(() => getClient().onProgress((p) => p.operation.startsWith('simulate') && setProgress(p)), []);

  const runLanding = async () => {
    setBusy('landing');
    setError(null);
    try {
      // in this window's Web Worker (streams the body's frames), or on the backend where workers are unavailable
      const r = await runLandingLive(form, (fraction) => setProgress({ done: Math.round(fraction * 100), total: 100 }));
      setLanding(r as Landing);
      const rate = r.sampleRate;
      const channels = LANDING_CHANNELS.map((k) => Float32Array.from((r.series[k] ?? []).map((v) => v ?? Number.NaN)));
      playbackStore.getState().load({
        id: -1, label: `landing ${form.heightM} m ${form.strategy}`, labels: [], rate, frames: 0, positions: new Float32Array(0),
        analogs: { labels: ['vertical GRF', 'knee flexion', 'hip flexion', 'CoM height'], units: ['BW', 'deg', 'deg', 'm'], rate, channels }, events: [],
      });
      setHand(null);
    } catch (e) {
      if ((e as Error).message !== 'cancelled') setError((e as Error).message);
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };

  const runHand = async () => {
    setBusy('hand');
    setError(null);
    const ints = (s: string) => s.split(/[ ,]+/).filter(Boolean).map(Number);
    const fusedList = ints(handForm.fused);
    try {
      const r = await getClient().call('simulateHandSamples', {
        samples: 12, seed: handForm.seed, absent: ints(handForm.absent), extra: handForm.extra,
        fused: fusedList.length === 2 ? [[fusedList[0]!, fusedList[1]!]] : [],
        ...(handForm.grasp ? { grasp: handForm.grasp } : {}),
      });
      setHand(r);
      setPick(0);
      setLanding(null);
      playbackStore.getState().load(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };

  const series = useMemo(() => {
    const a = trial?.id === -1 ? trial.analogs : null;
    return a ? { grf: [{ label: 'vertical GRF (BW)', values: a.channels[0]!, color: seriesColor(1) }], angles: [1, 2].map((c, i) => ({ label: a.labels[c]!, values: a.channels[c]!, color: seriesColor(i + 2) })), rate: a.rate } : null;
  }, [trial]);
  const num = (k: string) => (landing ? Number(landing[k]) : Number.NaN);

  return (
    <section className="workspace split" aria-label="Simulation">
      <div className="panel">
        <h2>Simulation</h2>
        <fieldset className="form">
          <legend>Drop landing (Ammo.js physics twin)</legend>
          <label>Mass (kg) <input type="number" value={form.massKg} min={20} max={250} onChange={(e) => setForm({ ...form, massKg: Number(e.target.value) })} /></label>
          <label>Stature (m) <input type="number" step={0.01} value={form.statureM} onChange={(e) => setForm({ ...form, statureM: Number(e.target.value) })} /></label>
          <label>Sex <select value={form.sex} onChange={(e) => setForm({ ...form, sex: e.target.value as 'f' | 'm' })}><option value="f">female</option><option value="m">male</option></select></label>
          <label>Drop height (m) <input type="number" step={0.05} value={form.heightM} onChange={(e) => setForm({ ...form, heightM: Number(e.target.value) })} /></label>
          <label>Strategy <select value={form.strategy} onChange={(e) => setForm({ ...form, strategy: e.target.value as 'soft' | 'stiff' })}><option value="soft">soft</option><option value="stiff">stiff</option></select></label>
          <button disabled={busy !== null} onClick={() => void runLanding()}>{busy === 'landing' ? 'Simulating…' : 'Simulate landing'}</button>
          {busy === 'landing' && <button onClick={cancelLanding}>Cancel</button>}
        </fieldset>
        <fieldset className="form">
          <legend>Hand poses (configurable anatomy)</legend>
          <label>Absent digits <input placeholder="e.g. 4" value={handForm.absent} onChange={(e) => setHandForm({ ...handForm, absent: e.target.value })} /></label>
          <label>Fused pair <input placeholder="e.g. 3,4" value={handForm.fused} onChange={(e) => setHandForm({ ...handForm, fused: e.target.value })} /></label>
          <label><input type="checkbox" checked={handForm.extra} onChange={(e) => setHandForm({ ...handForm, extra: e.target.checked })} /> extra digit</label>
          <label>Seed <input type="number" value={handForm.seed} onChange={(e) => setHandForm({ ...handForm, seed: Number(e.target.value) })} /></label>
          <label>Grasp <select value={handForm.grasp} onChange={(e) => setHandForm({ ...handForm, grasp: e.target.value as '' | 'cylinder' | 'sphere' })}><option value="">nothing</option><option value="cylinder">a cylinder</option><option value="sphere">a sphere</option></select></label>
          <button disabled={busy !== null} onClick={() => void runHand()}>{busy === 'hand' ? 'Sampling…' : 'Sample 12 poses'}</button>
        </fieldset>
        {busy && progress && <progress max={progress.total} value={progress.done} aria-label="Simulation progress" />}
        {error && <p className="error">{error}</p>}
        {!landing && !hand && !busy && (
          <EmptyState title="Nothing simulated yet">Run a drop landing to see the ground reaction force, joint angles and peak loads, or sample hand poses of any anatomy.</EmptyState>
        )}
        {landing && trial?.id === -1 && series && (
          <div className="sim-result" data-testid="landing-result" data-engine={engine ?? ''} data-frames={liveFrames} data-peak-grf={num('peakVerticalGrfBw')}>
            <dl className="facts">
              <dt>Peak vertical GRF</dt><dd>{num('peakVerticalGrfBw').toFixed(2)} BW at {(num('timeToPeakS') * 1000).toFixed(0)} ms</dd>
              <dt>Knee / hip flexion peak</dt><dd>{num('kneeFlexionPeakDeg').toFixed(0)}° / {num('hipFlexionPeakDeg').toFixed(0)}°</dd>
              <dt>Ground penetration</dt><dd>{(num('penetrationMaxM') * 1000).toFixed(1)} mm</dd>
              <dt>Joint-limit excess</dt><dd>{num('jointLimitViolationMaxDeg').toFixed(2)}°</dd>
              <dt>Computed</dt><dd>{engine === 'web worker' ? `in this window's Web Worker (Ammo.js WebAssembly), ${liveFrames} body frames` : 'by the backend'}</dd>
            </dl>
            <Timeline />
            <LinePlot series={series.grf} rate={series.rate} cursor={time} units="BW" />
            <LinePlot series={series.angles} rate={series.rate} cursor={time} units="°" />
            <div className="legend">{series.angles.map((s) => <span key={s.label} style={{ color: s.color }}>■ {s.label} </span>)}</div>
          </div>
        )}
        {hand && (
          <div className="sim-result" data-testid="hand-result">
            <p className="muted">{hand.samples.length} poses · {hand.collisionFree} collision-free · worst limit excess {hand.maxLimitViolationDeg.toFixed(3)}° · {hand.keypointNames.length} keypoints</p>
            <div className="events">
              {hand.samples.map((s, i) => <button key={s.index} className={`chip ${i === pick ? 'active' : ''}`} onClick={() => setPick(i)}>#{s.index}</button>)}
            </div>
            {hand.samples[pick]?.grasp && (
              <p className="muted" data-testid="hand-grasp">
                {hand.samples[pick]!.grasp!.object.type} r {(hand.samples[pick]!.grasp!.object.radiusM * 1000).toFixed(0)} mm · digits touching: {hand.samples[pick]!.grasp!.digitsInContact.join(', ') || 'none'} · {hand.samples[pick]!.grasp!.contacts.length} contacts
              </p>
            )}
          </div>
        )}
      </div>
      <Viewport>
        {landing && trial?.id === -1 && (engine === 'web worker' ? <LandingBody /> : <LandingView grfChannel={0} comChannel={3} />)}
        {hand && hand.samples[pick] && <HandView keypoints={hand.samples[pick]!.keypoints} grasp={hand.samples[pick]!.grasp} />}
      </Viewport>
    </section>
  );
}
