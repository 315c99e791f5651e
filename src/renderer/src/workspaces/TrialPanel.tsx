import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { getClient } from '../api/client';
import { decodeFloat32 } from '../api/decode';
import { LinePlot, seriesColor } from '../components/LinePlot';
import { Timeline } from '../components/Timeline';
import { playbackStore } from '../store/playback';
import { useClock } from '../store/useClock';

// Loads the selected trial into the playback store and shows its timeline, events and analog channels.
export function TrialPanel({ id }: { id: number }) {
  const [error, setError] = useState<string | null>(null);
  const trial = useStore(playbackStore, (s) => s.trial);
  const [chosen, setChosen] = useState<number[]>([0]);
  const time = useClock();
  useEffect(() => {
    let alive = true;
    getClient()
      .call('getTrialData', { id })
      .then((d) => {
        if (!alive) return;
        setError(null);
        playbackStore.getState().load({
          id: d.id,
          label: d.label,
          labels: d.points?.labels ?? [],
          rate: d.points?.rate ?? d.analogs?.rate ?? 1,
          frames: d.points?.frames ?? 0,
          positions: d.points ? decodeFloat32(d.points.data) : new Float32Array(0),
          analogs: d.analogs ? { labels: d.analogs.labels, units: d.analogs.units, rate: d.analogs.rate, channels: d.analogs.channels.map(decodeFloat32) } : null,
          events: d.events,
        });
        setChosen(d.analogs ? d.analogs.labels.map((_, i) => i).slice(0, 3) : []);
      })
      .catch((e: Error) => setError(e.message));
    return () => {
      alive = false;
    };
  }, [id]);
  const series = useMemo(() => (trial?.analogs ? chosen.map((c, i) => ({ label: trial.analogs!.labels[c] ?? String(c), values: trial.analogs!.channels[c]!, color: seriesColor(i) })) : []), [trial, chosen]);
  if (error) return <p className="error">{error}</p>;
  if (!trial || trial.id !== id) return <p className="muted">Loading trial…</p>;
  return (
    <div className="trial-panel">
      <h3>{trial.label}</h3>
      <p className="muted">{trial.labels.length} markers · {trial.frames} frames shown at {trial.rate.toFixed(1)} Hz{trial.analogs ? ` · ${trial.analogs.labels.length} analog channels at ${trial.analogs.rate.toFixed(0)} Hz` : ''}</p>
      <Timeline />
      {trial.events.length > 0 && (
        <div className="events">
          {trial.events.map((e, i) => (
            <button key={i} className="chip" onClick={() => playbackStore.getState().seek(e.time)}>{e.context} {e.label} {e.time.toFixed(2)} s</button>
          ))}
        </div>
      )}
      {trial.analogs && (
        <>
          <select multiple aria-label="Analog channels" value={chosen.map(String)} onChange={(e) => setChosen(Array.from(e.target.selectedOptions).map((o) => Number(o.value)).slice(0, 6))} size={Math.min(6, trial.analogs.labels.length)}>
            {trial.analogs.labels.map((l, i) => <option key={i} value={i}>{l} ({trial.analogs!.units[i] ?? ''})</option>)}
          </select>
          <LinePlot series={series} rate={trial.analogs.rate} cursor={time} units={trial.analogs.units[chosen[0] ?? 0]} />
          <div className="legend">{series.map((s) => <span key={s.label} style={{ color: s.color }}>■ {s.label} </span>)}</div>
        </>
      )}
    </div>
  );
}
