import { useEffect, useState } from 'react';
import { currentTime, playbackStore } from './playback';

/** The playback time, sampled at ~15 Hz for UI (the 3D view computes it itself every frame). */
export function useClock(): number {
  const [t, setT] = useState(() => currentTime(playbackStore.getState()));
  useEffect(() => {
    const id = setInterval(() => setT(currentTime(playbackStore.getState())), 66);
    return () => clearInterval(id);
  }, []);
  return t;
}
