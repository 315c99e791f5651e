// Overlaid equal-width histograms (distance-to-closest-record distributions) as SVG bars.
export interface Hist {
  lo: number;
  hi: number;
  counts: number[];
}

export function HistogramPlot({ series, width = 560, height = 150 }: { series: { label: string; hist: Hist; color: string }[]; width?: number; height?: number }) {
  const lo = Math.min(...series.map((s) => s.hist.lo));
  const hi = Math.max(...series.map((s) => s.hist.hi));
  const span = hi - lo || 1;
  const norm = series.map((s) => {
    const total = s.hist.counts.reduce((a, b) => a + b, 0) || 1;
    return s.hist.counts.map((c) => c / total);
  });
  const top = Math.max(1e-9, ...norm.flat());
  return (
    <svg className="plot" viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={`histogram of ${series.map((s) => s.label).join(', ')}`}>
      <rect width={width} height={height} fill="#12151b" />
      {series.map((s, k) => {
        const bins = s.hist.counts.length;
        const w = ((s.hist.hi - s.hist.lo) / span) * width / bins;
        return norm[k]!.map((f, i) => {
          const x = ((s.hist.lo - lo) / span) * width + i * w;
          const h = (f / top) * (height - 20);
          return <rect key={`${k}-${i}`} x={x} y={height - 14 - h} width={Math.max(1, w - 1)} height={h} fill={s.color} opacity={0.55} />;
        });
      })}
      <text x={4} y={height - 2} fill="#8b94a7" fontSize={10}>{lo.toPrecision(3)}</text>
      <text x={width - 4} y={height - 2} fill="#8b94a7" fontSize={10} textAnchor="end">{hi.toPrecision(3)} (DCR)</text>
    </svg>
  );
}
