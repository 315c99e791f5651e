import { useMemo } from 'react';

// A small SVG time-series plot (min/max-decimated to the pixel width) with a moving cursor.
export interface Series {
  label: string;
  values: Float32Array;
  color: string;
}

const COLORS = ['#5aa9ff', '#ff7a7a', '#7ee08a', '#ffd166', '#c792ea', '#4dd0e1'];
export const seriesColor = (i: number) => COLORS[i % COLORS.length]!;

export function LinePlot({ series, rate, cursor, height = 140, width = 560, units }: { series: Series[]; rate: number; cursor: number; height?: number; width?: number; units?: string }) {
  const { paths, min, max, duration } = useMemo(() => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const s of series) for (const v of s.values) if (Number.isFinite(v)) { if (v < lo) lo = v; if (v > hi) hi = v; }
    if (!Number.isFinite(lo)) { lo = 0; hi = 1; }
    if (hi === lo) { hi += 1; lo -= 1; }
    const n = series[0]?.values.length ?? 0;
    const dur = n > 1 ? (n - 1) / rate : 1;
    const y = (v: number) => (height - 18) * (1 - (v - lo) / (hi - lo)) + 4;
    const ps = series.map((s) => {
      const pts: string[] = [];
      const bins = Math.min(width, s.values.length);
      for (let b = 0; b < bins; b++) {
        const from = Math.floor((b * s.values.length) / bins);
        const to = Math.max(from + 1, Math.floor(((b + 1) * s.values.length) / bins));
        let a = Infinity;
        let z = -Infinity;
        for (let i = from; i < to; i++) { const v = s.values[i]!; if (Number.isFinite(v)) { if (v < a) a = v; if (v > z) z = v; } }
        if (!Number.isFinite(a)) continue;
        const x = ((b + 0.5) / bins) * width;
        pts.push(`${x.toFixed(1)},${y(a).toFixed(1)}`, `${x.toFixed(1)},${y(z).toFixed(1)}`);
      }
      return { d: pts.length ? `M${pts.join('L')}` : '', color: s.color, label: s.label };
    });
    return { paths: ps, min: lo, max: hi, duration: dur };
  }, [series, rate, height, width]);
  const cx = Math.min(1, Math.max(0, cursor / duration)) * width;
  return (
    <svg className="plot" viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={`plot of ${series.map((s) => s.label).join(', ')}`}>
      <rect x={0} y={0} width={width} height={height} fill="#12151b" />
      {paths.map((p) => <path key={p.label} d={p.d} stroke={p.color} fill="none" strokeWidth={1} />)}
      <line x1={cx} x2={cx} y1={0} y2={height - 14} stroke="#e3e7ef" strokeDasharray="3 3" />
      <text x={4} y={12} fill="#8b94a7" fontSize={10}>{max.toPrecision(4)} {units}</text>
      <text x={4} y={height - 16} fill="#8b94a7" fontSize={10}>{min.toPrecision(4)}</text>
      <text x={width - 4} y={height - 3} fill="#8b94a7" fontSize={10} textAnchor="end">{duration.toFixed(2)} s</text>
    </svg>
  );
}
