import { describe, expect, it } from 'vitest';
import { acwrRolling } from '../../../src/core/load/acwrRolling';
import { acwrEwma } from '../../../src/core/load/acwrEwma';
import { KinetwinError } from '../../../src/core/errors';

// 28 days at 100 AU then 7 days at 200 AU (days 0–34).
const DAYS = Float64Array.from({ length: 35 }, (_, i) => (i < 28 ? 100 : 200));

describe('acwrRolling', () => {
  it('is NaN until 28 days of history, then 1 for a steady load', () => {
    const r = acwrRolling(DAYS);
    expect(r.ratio[26]).toBeNaN();
    expect(r.ratio[27]).toBe(1);
  });

  it('coupled: 7 days at 200 after 21 at 100 → acute 200, chronic 3500/28 = 125, ratio 1.6', () => {
    const r = acwrRolling(DAYS);
    expect(r.acute[34]).toBe(200);
    expect(r.chronic[34]).toBe(125);
    expect(r.ratio[34]).toBeCloseTo(1.6, 12);
    // three days in: acute (4·100 + 3·200)/7, chronic (25·100 + 3·200)/28
    expect(r.ratio[30]).toBeCloseTo(1000 / 7 / (3100 / 28), 12);
  });

  it('uncoupled: chronic is the 21 days before the acute week → 100, ratio 2.0', () => {
    const r = acwrRolling(DAYS, { coupled: false });
    expect(r.chronic[34]).toBe(100);
    expect(r.ratio[34]).toBe(2);
    expect(r.ratio[30]).toBeCloseTo(1000 / 7 / 100, 12);
  });

  it('gives NaN for 0/0 and throws KinetwinError for chronic ≤ acute', () => {
    expect(acwrRolling(new Float64Array(28)).ratio[27]).toBeNaN();
    expect(() => acwrRolling(DAYS, { acute: 7, chronic: 7 })).toThrow(KinetwinError);
  });
});

describe('acwrEwma', () => {
  it('uses λ = 2/(N+1): 100, 0, 0 seeded with day 0 → acute 100, 75, 56.25; chronic 100·(27/29)^k', () => {
    const r = acwrEwma([100, 0, 0]);
    expect(Array.from(r.acute)).toEqual([100, 75, 56.25]);
    expect(r.chronic[1]).toBeCloseTo(100 * (27 / 29), 12);
    expect(r.chronic[2]).toBeCloseTo(100 * (27 / 29) ** 2, 12);
    expect(r.ratio[0]).toBe(1);
    expect(r.ratio[2]).toBeCloseTo(56.25 / (100 * (27 / 29) ** 2), 12);
  });

  it('starts from a given seed: seed 0 → day 0 acute 25, chronic 200/29, ratio 3.625', () => {
    const r = acwrEwma([100], { seed: 0 });
    expect(r.acute[0]).toBe(25);
    expect(r.chronic[0]).toBeCloseTo(200 / 29, 12);
    expect(r.ratio[0]).toBeCloseTo(3.625, 12);
  });

  it('converges to the steady load for both averages', () => {
    const r = acwrEwma(new Float64Array(200).fill(300), { seed: 0 });
    expect(r.acute[199]).toBeCloseTo(300, 6);
    expect(r.chronic[199]).toBeCloseTo(300 * (1 - (27 / 29) ** 200), 9);
  });
});
