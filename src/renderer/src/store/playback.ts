import { createStore } from 'zustand/vanilla';

// Playback of a loaded trial. Time is derived from the wall clock (anchor + elapsed × speed), so the 3D loop and
// the UI read it without any setState per frame, and playback keeps real time even when frames are dropped.
export interface LoadedTrial {
  id: number;
  label: string;
  labels: string[];
  rate: number; // Hz of the (decimated) frames
  frames: number;
  positions: Float32Array; // frames × points × 3, metres, lab frame (Z-up), NaN missing
  analogs: { labels: string[]; units: string[]; rate: number; channels: Float32Array[] } | null;
  events: { label: string; context: string; time: number }[];
}

export interface PlaybackState {
  trial: LoadedTrial | null;
  playing: boolean;
  speed: number;
  anchor: { time: number; wall: number }; // s of trial time at wall-clock ms
  load(t: LoadedTrial | null): void;
  setPlaying(p: boolean): void;
  seek(time: number): void;
}

export function durationOf(t: LoadedTrial | null): number {
  if (!t) return 0;
  if (t.frames > 1) return (t.frames - 1) / t.rate;
  const a = t.analogs;
  return a && a.channels[0] ? (a.channels[0].length - 1) / a.rate : 0;
}

/** The current playback time in seconds. */
export function currentTime(s: Pick<PlaybackState, 'trial' | 'playing' | 'speed' | 'anchor'>, now = performance.now()): number {
  const duration = durationOf(s.trial);
  if (duration <= 0) return 0;
  const t = s.playing ? s.anchor.time + ((now - s.anchor.wall) / 1000) * s.speed : s.anchor.time;
  return ((t % duration) + duration) % duration;
}

export const playbackStore = createStore<PlaybackState>((set, get) => ({
  trial: null,
  playing: false,
  speed: 1,
  anchor: { time: 0, wall: 0 },
  load: (trial) => set({ trial, playing: trial !== null, anchor: { time: 0, wall: performance.now() } }),
  setPlaying: (playing) => set({ playing, anchor: { time: currentTime(get()), wall: performance.now() } }),
  seek: (time) => {
    const d = durationOf(get().trial);
    set({ anchor: { time: Math.min(Math.max(0, time), d), wall: performance.now() } });
  },
}));
