import { describe, expect, it } from 'vitest';
import { escapeHtml, histogramSvg, privacyReportHtml, qqSvg, validationReportHtml } from '../../../src/core/metrics/report-html';
import { privacyReport } from '../../../src/core/metrics/privacy/privacy-report';
import { histogram } from '../../../src/core/metrics/quantiles';
import { makeTable } from '../../../src/core/metrics/table';
import { validateSynthetic } from '../../../src/core/metrics/validate';

const t = (values: number[], cat: string[]) =>
  makeTable([
    { name: 'x<y', kind: 'numeric', values: Float64Array.from(values) },
    { name: 'c', kind: 'categorical', values: cat },
  ]);

describe('HTML reports', () => {
  it('escapes markup in names', () => {
    expect(escapeHtml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
  });

  it('histogram counts land in the right bins, the last bin closed', () => {
    expect(histogram([0, 0.5, 1, 2, NaN], 2, 0, 1).counts).toEqual([1, 2]);
    const svg = histogramSvg([{ label: 'a', color: '#000', hist: histogram([0, 1], 4, 0, 1) }]);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('<path');
  });

  it('QQ plot has 99 points', () => {
    const svg = qqSvg(Float64Array.from({ length: 50 }, (_, i) => i), Float64Array.from({ length: 50 }, (_, i) => i * 2));
    expect(svg.match(/<circle/g)).toHaveLength(99);
  });

  it('pages are self-contained (no external URLs) and show the verdict', () => {
    const vals = Array.from({ length: 40 }, (_, i) => i % 13);
    const cats = vals.map((v) => (v % 2 ? 'a' : 'b'));
    const real = t(vals, cats);
    const syn = t(vals.map((v) => v + 0.5), cats);
    const v = validationReportHtml(validateSynthetic(real, syn, { discriminator: false }), real, syn);
    expect(v).toContain('x&lt;y');
    expect(v).not.toMatch(/(src|href)=["']https?:/);
    const p = privacyReportHtml(privacyReport({ synthetic: real, train: real, holdout: syn }));
    expect(p).toContain('FAILED');
    expect(p).not.toMatch(/(src|href)=["']https?:/);
  });
});
