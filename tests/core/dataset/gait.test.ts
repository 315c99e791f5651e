import { describe, expect, it } from 'vitest';
import type { CohortSubject } from '../../../src/core/cohort/generate';
import { gaitBody } from '../../../src/core/dataset/gait-body';
import { gaitEventFrames, peakFrames, progressionDirection } from '../../../src/core/dataset/gait-events';
import { drawGaitParameters } from '../../../src/core/dataset/gait-params';
import { gaitStatic } from '../../../src/core/dataset/gait-static';
import { kneeFlexionForShortening, synthesizeGait } from '../../../src/core/dataset/gait-synth';
import { GAIT_MARKER_SET } from '../../../src/core/dataset/gait-task';
import { GAIT_PHASES, type GaitTemplate } from '../../../src/core/dataset/gait-template';
import { streamFor } from '../../../src/core/random/stream';
import { createKinematicsData, forwardKinematics } from '../../../src/core/twin/forwardKinematics';

const DEG = Math.PI / 180;

/** An analytic template on the gait model's coordinates: hip ±20°, knee 5–60°, everything else still. */
function analyticTemplate(names: string[]): GaitTemplate {
  const n = names.length;
  const c = new Float64Array(GAIT_PHASES * n);
  for (let i = 0; i < GAIT_PHASES; i++) {
    const phi = i / (GAIT_PHASES - 1);
    for (const [side, shift] of [['r', 0], ['l', 0.5]] as const) {
      const p = 2 * Math.PI * (phi + shift);
      c[i * n + names.indexOf(`hip_flexion_${side}`)] = 20 * DEG * Math.cos(p);
      c[i * n + names.indexOf(`knee_flexion_${side}`)] = (32.5 - 27.5 * Math.cos(p - 0.4 * Math.PI)) * DEG;
    }
    c[i * n + names.indexOf('pelvis_ty')] = 0.98;
  }
  return { coordinateNames: names, coordinates: c, periodS: 1.1, speedMps: 1.2, strideLengthM: 1.32, legLengthM: 0.9, cycles: 1, rightToeOff: 0.62, leftStrike: 0.5, leftToeOff: 0.12 };
}

const values = (stature: number) => ({ stature, mass: 70 });

describe('gait events (Zeni et al. 2008)', () => {
  it('peakFrames finds the maxima of a sampled cosine to a hundredth of a frame', () => {
    const s = Float64Array.from({ length: 101 }, (_, f) => Math.cos((2 * Math.PI * (f - 10.3)) / 40));
    const peaks = peakFrames(s, 10);
    expect(peaks).toHaveLength(3);
    peaks.forEach((p, i) => expect(p).toBeCloseTo(10.3 + 40 * i, 1));
  });

  it('progressionDirection returns the heel swing axis, signed by the pelvis anterior axis', () => {
    const d = [Math.cos(0.5), 0, Math.sin(0.5)];
    const rel = new Float64Array(300);
    for (let f = 0; f < 100; f++) {
      const a = 0.4 * Math.sin(f / 8), b = 0.02 * Math.cos(f / 5);
      rel[f * 3] = a * d[0] - b * d[2]; rel[f * 3 + 1] = -0.9; rel[f * 3 + 2] = a * d[2] + b * d[0];
    }
    const fwd = progressionDirection(rel, d), back = progressionDirection(rel, [-d[0], 0, -d[2]]);
    expect(fwd[0]).toBeCloseTo(d[0], 2); expect(fwd[2]).toBeCloseTo(d[2], 2); // the sway biases it by < 0.2°
    expect(back[0]).toBeCloseTo(-d[0], 2); expect(back[2]).toBeCloseTo(-d[2], 2);
  });

  it('heel strikes are the most anterior heel positions, toe-offs the most posterior toe positions', () => {
    const rel = new Float64Array(3 * 240);
    for (let f = 0; f < 240; f++) rel[f * 3] = 0.3 * Math.cos((2 * Math.PI * (f - 20)) / 72); // 60 Hz, 1.2 s strides
    expect(gaitEventFrames(rel, [1, 0, 0], 1, 60).map((x) => Math.round(x * 10) / 10)).toEqual([20, 92, 164, 236]);
    expect(gaitEventFrames(rel, [1, 0, 0], -1, 60).map((x) => Math.round(x * 10) / 10)).toEqual([56, 128, 200]);
  });
});

describe('gaitBody(values, sex) — the walker model', () => {
  it('puts the hip, knee and ankle centres at the ANSUR trochanterion, tibial and malleolus heights', () => {
    const b = gaitBody({ values: { stature: 1.8, mass: 80, trochanterionHeight: 0.95, tibialHeight: 0.49, lateralMalleolusHeight: 0.075, footLength: 0.27 }, sex: 'male', markerSet: GAIT_MARKER_SET });
    const d = createKinematicsData(b.model);
    forwardKinematics(b.model, b.pose, d);
    const y = (seg: string) => d.segP[b.model.segments.findIndex((s) => s.name === seg) * 3 + 1];
    expect(y('thigh_r')).toBeCloseTo(0.95, 9);
    expect(y('shank_l')).toBeCloseTo(0.49, 9);
    expect(y('foot_r')).toBeCloseTo(0.075, 9);
    expect(b.legLengthM).toBeCloseTo(0.95, 12);
    expect(b.model.segments.find((s) => s.name === 'foot_r')!.length).toBeGreaterThan(0.2);
  });

  it('a leg-length discrepancy raises the short side\'s ankle by exactly that much', () => {
    const b = gaitBody({ values: values(1.75), sex: 'female', markerSet: GAIT_MARKER_SET, discrepancyM: 0.02, shortSide: 'l' });
    const d = createKinematicsData(b.model);
    forwardKinematics(b.model, b.pose, d);
    const y = (seg: string) => d.segP[b.model.segments.findIndex((s) => s.name === seg) * 3 + 1];
    expect(y('foot_l') - y('foot_r')).toBeCloseTo(0.02, 9);
    expect(y('thigh_l')).toBeCloseTo(y('thigh_r'), 9);
  });
});

describe('gaitStatic(body) — the standing trial', () => {
  const footLow = (b: ReturnType<typeof gaitBody>, m: Float32Array, side: 'R' | 'L') => Math.min(...[`${side}.Heel`, `${side}.Toe.Tip`].map((n) => m[b.model.markers.findIndex((x) => x.name === n) * 3 + 1]));
  it('stands on both feet: with a 2 cm discrepancy the pelvis drops to the short side until both feet touch', () => {
    const even = gaitBody({ values: values(1.75), sex: 'male', markerSet: GAIT_MARKER_SET });
    const b = gaitBody({ values: values(1.75), sex: 'male', markerSet: GAIT_MARKER_SET, discrepancyM: 0.02, shortSide: 'l' });
    const s = gaitStatic(b, GAIT_MARKER_SET, 3), e = gaitStatic(even, GAIT_MARKER_SET, 3);
    expect(Math.abs(footLow(b, s.markers, 'R') - footLow(b, s.markers, 'L'))).toBeLessThan(0.002);
    expect(footLow(b, s.markers, 'R')).toBeCloseTo(footLow(even, e.markers, 'R'), 9);
    expect(s.pose[b.model.coordinates.findIndex((c) => c.name === 'pelvis_list')]).toBeCloseTo(-Math.atan(0.02 / b.hipWidthM), 12);
    expect(Array.from(s.markers.subarray(0, 3))).toEqual(Array.from(s.markers.subarray(s.markers.length / 3, s.markers.length / 3 + 3))); // frames alike
  });
});

describe('synthesizeGait(template, body, parameters)', () => {
  const probe = gaitBody({ values: values(1.75), sex: 'male', markerSet: GAIT_MARKER_SET });
  const template = analyticTemplate(probe.model.coordinates.map((c) => c.name));
  const p = { cycles: 2, rateHz: 100, frequencyFactor: 1, strideLengthFactor: 1 };

  it('sizes the stride by Froude similarity: time ∝ √L, length ∝ L, equal Froude number (Hof 1996)', () => {
    const short = gaitBody({ values: values(1.55), sex: 'male', markerSet: GAIT_MARKER_SET });
    const tall = gaitBody({ values: values(1.95), sex: 'male', markerSet: GAIT_MARKER_SET });
    const a = synthesizeGait(template, short, GAIT_MARKER_SET, p).outcomes, b = synthesizeGait(template, tall, GAIT_MARKER_SET, p).outcomes;
    const ratio = tall.legLengthM / short.legLengthM;
    expect(b.strideTimeS / a.strideTimeS).toBeCloseTo(Math.sqrt(ratio), 4);
    expect(b.strideLengthM / a.strideLengthM).toBeCloseTo(ratio, 4);
    expect(b.froudeNumber).toBeCloseTo(a.froudeNumber, 4);
    expect(a.froudeNumber).toBeCloseTo((1.2 * 1.2) / (9.81 * 0.9), 4); // the template's own
  });

  it('walks one stride length per stride: the pelvis and each heel strike repeat 1 stride ahead', () => {
    const s = synthesizeGait(template, probe, GAIT_MARKER_SET, p);
    const nc = probe.model.coordinates.length, tx = probe.model.coordinates.findIndex((c) => c.name === 'pelvis_tx');
    const T = s.outcomes.strideTimeS, f = Math.round(T * s.rate);
    expect(s.coordinates[f * nc + tx] - s.coordinates[tx]).toBeCloseTo(s.outcomes.speedMps * (f / s.rate), 5); // speed is reported to 1 µm/s
    const heel = probe.model.markers.findIndex((m) => m.name === 'R.Heel'), nm = probe.model.markers.length;
    // marker x at t and t + T differs by one stride (sub-frame: compare the frames' phases)
    const dx = s.markers[(f * nm + heel) * 3] - s.markers[heel * 3];
    expect(Math.abs(dx - s.outcomes.speedMps * (f / s.rate))).toBeLessThan(0.03);
    expect(s.events.filter((e) => e.label === 'Foot Strike' && e.context === 'Right').map((e) => e.time)).toEqual([0, T, expect.closeTo(2 * T, 5)].slice(0, s.events.filter((e) => e.label === 'Foot Strike' && e.context === 'Right').length));
  });

  it('keeps marker distances on one segment constant (rigid-body forward kinematics)', () => {
    const s = synthesizeGait(template, probe, GAIT_MARKER_SET, p);
    const nm = probe.model.markers.length, a = probe.model.markers.findIndex((m) => m.name === 'R.Shank.Upper'), b = probe.model.markers.findIndex((m) => m.name === 'R.Ankle.Lat');
    const dist = (f: number) => Math.hypot(...[0, 1, 2].map((k) => s.markers[(f * nm + a) * 3 + k] - s.markers[(f * nm + b) * 3 + k]));
    for (let f = 0; f < s.frames; f += 7) expect(dist(f)).toBeCloseTo(dist(0), 5);
  });

  it('reads the outcomes off the produced angles: knee swing peak and hip range of the analytic template', () => {
    const o = synthesizeGait(template, probe, GAIT_MARKER_SET, p).outcomes;
    expect(o.kneeFlexionPeakSwingDegR).toBeGreaterThan(59.5); // peak 60° falls in swing (62–100 %)
    expect(o.kneeFlexionPeakSwingDegR).toBeLessThanOrEqual(60 + 1e-9);
    expect(o.hipFlexionRomDegR).toBeCloseTo(40, 1);
    const k = synthesizeGait(template, probe, GAIT_MARKER_SET, { ...p, kneeFlexionOffsetDeg: 5, hipFlexionAmplitude: 1.1 }).outcomes;
    expect(k.kneeFlexionPeakSwingDegR - o.kneeFlexionPeakSwingDegR).toBeCloseTo(5, 6);
    expect(k.hipFlexionRomDegR).toBeCloseTo(44, 1);
  });

  it('leg-length discrepancy: the pelvis drops to the short side by atan(Δ/2 / hip width); the feet stay on the ground', () => {
    const even = synthesizeGait(template, probe, GAIT_MARKER_SET, p);
    const lldBody = gaitBody({ values: values(1.75), sex: 'male', markerSet: GAIT_MARKER_SET, discrepancyM: 0.02, shortSide: 'r' });
    const lld = synthesizeGait(template, lldBody, GAIT_MARKER_SET, p);
    expect(lld.outcomes.pelvicObliquityMeanDeg - even.outcomes.pelvicObliquityMeanDeg).toBeCloseTo(Math.atan(0.01 / lldBody.hipWidthM) / DEG, 3); // reported to 1e-4°
    const nm = lldBody.model.markers.length, idx = (n: string) => lldBody.model.markers.findIndex((m) => m.name === n);
    const meanY = (s: typeof lld, m: number) => { let t = 0; for (let f = 0; f < s.frames; f++) t += s.markers[(f * nm + m) * 3 + 1]; return t / s.frames; };
    // the right ASIS sinks relative to the left by (inter-ASIS width) · sin(obliquity)
    const asisWidth = Math.abs(lldBody.model.markers[idx('R.ASIS')].offset[2] - lldBody.model.markers[idx('L.ASIS')].offset[2]);
    const drop = (meanY(lld, idx('R.ASIS')) - meanY(lld, idx('L.ASIS'))) - (meanY(even, idx('R.ASIS')) - meanY(even, idx('L.ASIS')));
    expect(drop).toBeCloseTo(-asisWidth * Math.sin(Math.atan(0.01 / lldBody.hipWidthM)), 3);
    // each foot's lowest point (heel or toe) over the trial: on the ground, the short one within Δ of the long one
    const lowest = (s: typeof lld, names: string[]) => { let lo = Infinity; for (let f = 0; f < s.frames; f++) for (const n of names) lo = Math.min(lo, s.markers[(f * nm + idx(n)) * 3 + 1]); return lo; };
    const right = lowest(lld, ['R.Heel', 'R.Toe.Tip']), left = lowest(lld, ['L.Heel', 'L.Toe.Tip']);
    expect(Math.min(right, left)).toBeCloseTo(lowest(even, ['L.Heel', 'L.Toe.Tip', 'R.Heel', 'R.Toe.Tip']), 9);
    expect(right - left).toBeGreaterThan(0);
    expect(right - left).toBeLessThan(0.02);
  });

  it('kneeFlexionForShortening shortens the hip–ankle distance by exactly dl (law of cosines)', () => {
    const a = 0.45, b = 0.43, k0 = 15 * DEG, dl = 0.01;
    const th = kneeFlexionForShortening(a, b, k0, dl);
    const dist = (k: number) => Math.sqrt(a * a + b * b + 2 * a * b * Math.cos(k));
    expect(dist(k0) - dist(k0 + th)).toBeCloseTo(dl, 12);
  });
});

describe('drawGaitParameters(seed, subject, stream)', () => {
  const subject = (index: number, conditions: CohortSubject['conditions'] = []): CohortSubject => ({ index, id: `S${index}`, sex: 'male', age: 30, values: values(1.8), conditions });
  const draw = (i: number, k: number, c?: CohortSubject['conditions']) => drawGaitParameters(5, subject(i, c), streamFor(5, i, 16 + k));
  const sd = (v: number[]) => { const m = v.reduce((a, b) => a + b, 0) / v.length; return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1)); };

  it('depends only on (seed, subject, sample)', () => {
    expect(draw(3, 1)).toEqual(draw(3, 1));
    expect(draw(3, 1)).not.toEqual(draw(3, 2));
  });

  it('spreads subjects by the inter-subject SDs and a subject\'s samples by the stride-to-stride SDs', () => {
    const across = Array.from({ length: 600 }, (_, i) => draw(i, 0));
    const within = Array.from({ length: 600 }, (_, k) => draw(7, k));
    expect(sd(across.map((x) => x.kneeFlexionOffsetDeg as number))).toBeCloseTo(Math.sqrt(3 ** 2 + 1), 0);
    expect(sd(within.map((x) => x.kneeFlexionOffsetDeg as number))).toBeGreaterThan(0.85);
    expect(sd(within.map((x) => x.kneeFlexionOffsetDeg as number))).toBeLessThan(1.15);
    expect(sd(across.map((x) => x.frequencyFactor as number))).toBeGreaterThan(0.055);
    expect(sd(across.map((x) => x.frequencyFactor as number))).toBeLessThan(0.075);
    expect(new Set(within.map((x) => x.kneeFlexionAmplitude)).size).toBe(1); // amplitude is a subject trait
  });

  it('carries a leg-length discrepancy condition as metres and side', () => {
    const p = draw(2, 0, [{ id: 'lld', kind: 'leg-length-discrepancy', params: { metres: 0.03, side: 'left' } }]);
    expect(p.legLengthDiscrepancyM).toBe(0.03);
    expect(p.shortSide).toBe('left');
  });
});
