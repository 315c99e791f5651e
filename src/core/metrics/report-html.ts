// Self-contained HTML reports (inline SVG, no external assets) for validation and privacy results.
import type { PrivacyReport } from './privacy/privacy-report';
import { histogram, quantileSorted, type Histogram } from './quantiles';
import type { Table } from './table';
import type { ValidationReport } from './validate';

const REAL = '#1f77b4';
const SYN = '#ff7f0e';
const THIRD = '#2ca02c';

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function fmt(v: number, digits = 3): string {
  return Number.isFinite(v) ? v.toFixed(digits) : String(v);
}

/** Overlaid step histograms (density-normalised) of several series sharing bin edges. */
export function histogramSvg(series: { label: string; color: string; hist: Histogram }[], width = 360, height = 180): string {
  const pad = 28;
  const bins = series[0]?.hist.counts.length ?? 0;
  const dens = series.map((s) => {
    const total = s.hist.counts.reduce((a, b) => a + b, 0) || 1;
    return s.hist.counts.map((c) => c / total);
  });
  const maxD = Math.max(1e-12, ...dens.flat());
  const x = (i: number) => pad + ((width - 2 * pad) * i) / Math.max(1, bins);
  const y = (d: number) => height - pad - ((height - 2 * pad) * d) / maxD;
  const paths = dens.map((d, k) => {
    let p = `M${x(0)},${y(0)}`;
    d.forEach((v, i) => (p += ` L${x(i)},${y(v)} L${x(i + 1)},${y(v)}`));
    p += ` L${x(bins)},${y(0)}`;
    return `<path d="${p}" fill="none" stroke="${series[k].color}" stroke-width="1.5"/>`;
  });
  const lo = series[0]?.hist.lo ?? 0;
  const hi = series[0]?.hist.hi ?? 1;
  const legend = series.map((s, k) => `<text x="${pad + 4}" y="${14 + 12 * k}" font-size="10" fill="${s.color}">${escapeHtml(s.label)}</text>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<line x1="${pad}" y1="${height - pad}" x2="${width - pad}" y2="${height - pad}" stroke="#999"/>` +
    `<text x="${pad}" y="${height - 8}" font-size="10">${fmt(lo, 3)}</text><text x="${width - pad}" y="${height - 8}" font-size="10" text-anchor="end">${fmt(hi, 3)}</text>` +
    paths.join('') + legend + '</svg>';
}

/** Quantile–quantile plot of synthetic against real values (99 quantiles), with the identity line. */
export function qqSvg(real: Float64Array, synthetic: Float64Array, width = 180, height = 180): string {
  const pad = 24;
  const r = real.filter((v) => !Number.isNaN(v)).sort();
  const s = synthetic.filter((v) => !Number.isNaN(v)).sort();
  if (r.length === 0 || s.length === 0) return '';
  const qs = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);
  const qr = qs.map((p) => quantileSorted(r, p));
  const qsy = qs.map((p) => quantileSorted(s, p));
  const lo = Math.min(qr[0], qsy[0]);
  const hi = Math.max(qr[98], qsy[98]);
  const span = hi - lo || 1;
  const px = (v: number) => pad + ((width - 2 * pad) * (v - lo)) / span;
  const py = (v: number) => height - pad - ((height - 2 * pad) * (v - lo)) / span;
  const dots = qr.map((v, i) => `<circle cx="${px(v).toFixed(1)}" cy="${py(qsy[i]).toFixed(1)}" r="1.6" fill="${SYN}"/>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<line x1="${px(lo)}" y1="${py(lo)}" x2="${px(hi)}" y2="${py(hi)}" stroke="#999"/>${dots}` +
    `<text x="${width / 2}" y="${height - 6}" font-size="10" text-anchor="middle">real</text>` +
    `<text x="10" y="${height / 2}" font-size="10" transform="rotate(-90 10 ${height / 2})" text-anchor="middle">synthetic</text></svg>`;
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    `<style>body{font:14px system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#f4f4f4}td:first-child,th:first-child{text-align:left}.pass{color:#197a19;font-weight:600}.fail{color:#b00020;font-weight:600}.plots{display:flex;flex-wrap:wrap;gap:12px}.plot{border:1px solid #eee;padding:6px}</style>` +
    `</head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>\n`;
}

function rowsHtml(rows: [string, string][]): string {
  return `<table>${rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${v}</td></tr>`).join('')}</table>`;
}

/** Privacy report page: headline metrics, verdict and DCR histograms. */
export function privacyReportHtml(r: PrivacyReport): string {
  const verdict = r.passed ? '<span class="pass">PASSED</span>' : '<span class="fail">FAILED</span>';
  const head = rowsHtml([
    ['verdict', verdict],
    ['rows (synthetic / train / holdout)', `${r.rows.synthetic} / ${r.rows.train} / ${r.rows.holdout}`],
    ['columns', String(r.columns.length)],
    ['exact copies', String(r.exactCopies)],
    ['DCR baseline protection', fmt(r.dcrBaselineProtection)],
    ['DCR overfitting protection', `${fmt(r.dcrOverfittingProtection)} (threshold ${fmt(r.threshold, 2)})`],
    ['share closer to train than holdout', fmt(r.closerToTrainShare)],
    ['NNDR median', fmt(r.nndrMedian)],
    ['membership-inference AUC', fmt(r.membershipInferenceAuc)],
  ]);
  const h = r.histograms;
  const plot = histogramSvg([
    { label: 'synthetic → train', color: SYN, hist: h.syntheticToTrain },
    { label: 'synthetic → holdout', color: REAL, hist: h.syntheticToHoldout },
    { label: 'random → train', color: THIRD, hist: h.randomToTrain },
  ], 520, 240);
  const warn = r.warnings.length ? `<h2>Warnings</h2><ul>${r.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>` : '';
  return page('Kinetwin privacy report', `${head}<h2>Distance to closest record</h2><div class="plot">${plot}</div>${warn}`);
}

/** Validation report page: summary, per-column scores with histogram + QQ plots, correlation pairs. */
export function validationReportHtml(r: ValidationReport, real: Table, synthetic: Table, maxPlots = 40): string {
  const s = r.summary;
  const head = rowsHtml([
    ['rows (real / synthetic)', `${r.realRows} / ${r.syntheticRows}`],
    ['KS complement (mean)', fmt(s.ksComplementMean)],
    ['TV complement (mean)', fmt(s.tvComplementMean)],
    ['correlation similarity (mean)', fmt(s.correlationSimilarityMean)],
    ['discriminator AUC', fmt(s.discriminatorAuc)],
    ['overall', fmt(s.overall)],
    ['quotas met', r.quotas.length ? (s.quotasMet ? '<span class="pass">yes</span>' : '<span class="fail">no</span>') : 'n/a'],
  ]);
  const plots: string[] = [];
  for (const c of r.columns.slice(0, maxPlots)) {
    const rc = real.columns.find((k) => k.name === c.name);
    const sc = synthetic.columns.find((k) => k.name === c.name);
    if (!rc || !sc || rc.kind !== 'numeric' || sc.kind !== 'numeric') continue;
    let lo = Infinity, hi = -Infinity;
    for (const v of [...rc.values, ...sc.values]) if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    if (!Number.isFinite(lo)) continue;
    const hist = histogramSvg([
      { label: 'real', color: REAL, hist: histogram(rc.values, 30, lo, hi) },
      { label: 'synthetic', color: SYN, hist: histogram(sc.values, 30, lo, hi) },
    ]);
    plots.push(`<div class="plot"><div><b>${escapeHtml(c.name)}</b> KS complement ${fmt(c.score)}</div>${hist}${qqSvg(rc.values, sc.values)}</div>`);
  }
  const colRows = r.columns.map((c) => `<tr><td>${escapeHtml(c.name)}</td><td>${c.kind}</td><td>${fmt(c.score)}</td></tr>`).join('');
  const pairRows = [...r.pairs].sort((a, b) => a.similarity - b.similarity).slice(0, 30)
    .map((p) => `<tr><td>${escapeHtml(p.a)} × ${escapeHtml(p.b)}</td><td>${fmt(p.real)}</td><td>${fmt(p.synthetic)}</td><td>${fmt(p.similarity)}</td></tr>`).join('');
  const quotaRows = r.quotas.map((q) => `<tr><td>${escapeHtml(q.id)}</td><td>${q.expected}</td><td>${q.observed}</td><td>${q.ok ? 'ok' : '<span class="fail">mismatch</span>'}</td></tr>`).join('');
  const warn = r.warnings.length ? `<h2>Warnings</h2><ul>${r.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>` : '';
  return page('Kinetwin synthetic-data validation', `${head}<h2>Columns</h2><table><tr><th>column</th><th>kind</th><th>score</th></tr>${colRows}</table>` +
    `<h2>Distributions</h2><div class="plots">${plots.join('')}</div>` +
    `<h2>Least similar correlations</h2><table><tr><th>pair</th><th>real r</th><th>synthetic r</th><th>similarity</th></tr>${pairRows}</table>` +
    (quotaRows ? `<h2>Quotas</h2><table><tr><th>condition</th><th>expected</th><th>observed</th><th></th></tr>${quotaRows}</table>` : '') + warn);
}
