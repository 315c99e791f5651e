import { useMemo } from 'react';

export interface Phase { name: string; start: number; end: number } // s

const PHASE_COLORS: Record<string, string> = {
  weighing: '#2a3140', drop: '#3a2f4a', unweighting: '#3a3320', braking: '#4a2a2a', propulsion: '#244a2f', flight: '#1f3a4a', landing: '#403040',
};

// Vertical force against time (min/max per pixel column) over shaded jump phases with their names.
export function ForcePhasePlot({ force, rate, phases, bodyWeightN, width = 560, height = 180 }: { force: Float32Array; rate: number; phases: Phase[]; bodyWeightN: number; width?: number; height?: number }) {
  const { d, lo, hi, duration } = useMemo(() => {
    let lo = 0, hi = -Infinity;
    for (const v of force) if (Number.isFinite(v)) { if (v < lo) lo = v; if (v > hi) hi = v; }
    if (!(hi > lo)) hi = lo + 1;
    const n = force.length, bins = Math.min(width, n), pts: string[] = [];
    const y = (v: number) => (height - 18) * (1 - (v - lo) / (hi - lo)) + 4;
    for (let b = 0; b < bins; b++) {
      const from = Math.floor((b * n) / bins), to = Math.max(from + 1, Math.floor(((b + 1) * n) / bins));
      let a = Infinity, z = -Infinity;
      for (let i = from; i < to; i++) { const v = force[i]!; if (Number.isFinite(v)) { if (v < a) a = v; if (v > z) z = v; } }
      if (!Number.isFinite(a)) continue;
      const x = ((b + 0.5) / bins) * width;
      pts.push(`${x.toFixed(1)},${y(a).toFixed(1)}`, `${x.toFixed(1)},${y(z).toFixed(1)}`);
    }
    return { d: pts.length ? `M${pts.join('L')}` : '', lo, hi, duration: n > 1 ? (n - 1) / rate : 1 };
  }, [force, rate, width, height]);
  const x = (t: number) => Math.min(1, Math.max(0, t / duration)) * width;
  const yBw = (height - 18) * (1 - (bodyWeightN - lo) / (hi - lo)) + 4;
  return (
    <svg className="plot" viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label="vertical force with jump phases" data-testid="jump-force-plot">
      <rect x={0} y={0} width={width} height={height} fill="#12151b" />
      {phases.map((p) => (
        <g key={`${p.name}-${p.start}`}>
          <rect x={x(p.start)} y={0} width={Math.max(1, x(p.end) - x(p.start))} height={height - 14} fill={PHASE_COLORS[p.name] ?? '#2a3140'} opacity={0.8} />
          <line x1={x(p.start)} x2={x(p.start)} y1={0} y2={height - 14} stroke="#8b94a7" strokeWidth={0.5} />
          <text x={x(p.start) + 2} y={height - 18} fill="#c9d1e0" fontSize={9}>{p.name}</text>
        </g>
      ))}
      <line x1={0} x2={width} y1={yBw} y2={yBw} stroke="#8b94a7" strokeDasharray="4 3" />
      <path d={d} stroke="#ffb347" fill="none" strokeWidth={1} />
      <text x={4} y={12} fill="#8b94a7" fontSize={10}>{hi.toFixed(0)} N</text>
      <text x={width - 4} y={height - 3} fill="#8b94a7" fontSize={10} textAnchor="end">{duration.toFixed(2)} s</text>
    </svg>
  );
}
