import { useStore } from 'zustand';
import { durationOf, playbackStore } from '../store/playback';
import { useClock } from '../store/useClock';

export function Timeline() {
  const trial = useStore(playbackStore, (s) => s.trial);
  const playing = useStore(playbackStore, (s) => s.playing);
  const time = useClock();
  const duration = durationOf(trial);
  if (!trial) return null;
  const { setPlaying, seek } = playbackStore.getState();
  return (
    <div className="timeline">
      <button onClick={() => setPlaying(!playing)} aria-label={playing ? 'Pause' : 'Play'}>{playing ? 'Pause' : 'Play'}</button>
      <input type="range" min={0} max={duration} step={duration / 1000 || 0.001} value={time} aria-label="Time" onChange={(e) => { setPlaying(false); seek(Number(e.target.value)); }} />
      <span className="muted">{time.toFixed(2)} / {duration.toFixed(2)} s</span>
    </div>
  );
}
