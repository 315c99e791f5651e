import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset, readManifest } from '../../../src/backend/services/dataset';
import { loadGaitTemplate } from '../../../src/backend/services/dataset-gait';
import { mergeDatasets, reproduceDataset } from '../../../src/backend/services/dataset-merge';
import { synthesizeGait } from '../../../src/core/dataset/gait-synth';
import { GAIT_MARKER_SET, gaitSubjectBody } from '../../../src/core/dataset/gait-task';
import { withoutTimings } from '../../../src/core/dataset/manifest';
import { readMot } from '../../../src/core/formats/mot/read';
import { motColumn, motColumnValues } from '../../../src/core/formats/mot/table';
import { createFullBodyModel } from '../../../src/core/twin/fullBody';
import { solveInverseKinematics } from '../../../src/core/twin/ik';
import { OPENSIM_GAIT } from '../../../src/core/twin/markerSets';
import { scaleModel } from '../../../src/core/twin/scale';
import { readTrc } from '../../../src/core/formats/trc/read';
import { repoRoot, sharedData } from '../../helpers/shared';

const fit = sharedData('anthropometry', 'ansur2_train.csv');
const spec = { size: 6, seed: 11, tasks: ['gait'], samplesPerSubject: 2, conditions: [{ id: 'lld', kind: 'leg-length-discrepancy', fraction: 1 / 3, params: { metres: 0.02 } }] };

function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string): void => { for (const e of readdirSync(d)) { const p = join(d, e); if (statSync(p).isDirectory()) walk(p); else out.set(relative(dir, p).split(sep).join('/'), readFileSync(p)); } };
  walk(dir);
  out.delete('manifest.json');
  return out;
}
const manifestSansTimings = (dir: string) => JSON.stringify(withoutTimings(readManifest(dir)));

describe('gait template from the bundled walk (OpenSim subject01: scale, IK, Zeni events)', () => {
  const { template: t, sources } = loadGaitTemplate();
  const col = (name: string) => t.coordinateNames.indexOf(name);
  const series = (name: string) => Array.from({ length: 101 }, (_, i) => t.coordinates[i * t.coordinateNames.length + col(name)] * (180 / Math.PI));

  it('finds a normal adult stride: 1.0–1.4 s, 1.0–1.5 m/s, toe-off at 58–70 %, opposite strike near 50 %', () => {
    expect(t.cycles).toBeGreaterThanOrEqual(1);
    expect(t.periodS).toBeGreaterThan(1.0); expect(t.periodS).toBeLessThan(1.4);
    expect(t.speedMps).toBeGreaterThan(1.0); expect(t.speedMps).toBeLessThan(1.5);
    expect(t.strideLengthM).toBeCloseTo(t.speedMps * t.periodS, 12);
    expect(t.rightToeOff).toBeGreaterThan(0.58); expect(t.rightToeOff).toBeLessThan(0.7);
    expect(t.leftStrike).toBeGreaterThan(0.45); expect(t.leftStrike).toBeLessThan(0.55);
    expect(t.legLengthM).toBeGreaterThan(0.8); expect(t.legLengthM).toBeLessThan(1.05);
  });

  it('holds sagittal angles of normal gait (Kadaba 1990): knee swing peak 55–70°, hip flexion range 35–50°', () => {
    const knee = series('knee_flexion_r'), hip = series('hip_flexion_r');
    expect(Math.max(...knee.slice(Math.round(t.rightToeOff * 100)))).toBeGreaterThan(55);
    expect(Math.max(...knee)).toBeLessThan(70);
    expect(Math.max(...hip) - Math.min(...hip)).toBeGreaterThan(35);
    expect(Math.max(...hip) - Math.min(...hip)).toBeLessThan(50);
    expect(Math.abs(series('pelvis_rotation')[0])).toBeLessThan(15); // turned to walk along +X
  });

  it('turns the walk into overground walking without foot sliding: the stance toe rests over 15–55 % of the stride', () => {
    const body = gaitSubjectBody({ values: { stature: 1.75, mass: 70 }, sex: 'male', conditions: [] });
    const s = synthesizeGait(t, body, GAIT_MARKER_SET, { cycles: 2, rateHz: 100 });
    const nm = body.model.markers.length, toe = body.model.markers.findIndex((m) => m.name === 'R.Toe.Tip');
    const x = (f: number) => s.markers[(f * nm + toe) * 3];
    const T = s.outcomes.strideTimeS;
    for (let p = 0.15; p <= 0.55; p += 0.05) {
      const f = Math.round(p * T * 100);
      expect(Math.abs(x(f + 1) - x(f - 1)) / 0.02, `at ${Math.round(p * 100)} %`).toBeLessThan(0.05); // m/s, vs walking at ≈ 1.1 m/s
    }
    expect(s.outcomes.speedMps).toBeGreaterThan(0.8);
  });

  it('names the two template files with their SHA-256', () => {
    expect(sources.map((s) => s.name)).toEqual(['subject01_static.trc', 'subject01_walk.trc']);
    for (const s of sources) {
      const bytes = readFileSync(join(repoRoot, 'resources', 'samples', s.name));
      expect(s.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(s.role).toBe('template');
    }
  });
});

describe('dataset service: gait cohort of 6 × 2 samples (in-process)', () => {
  const root = mkdtempSync(join(tmpdir(), 'kinetwin-gait-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  beforeAll(async () => {
    await generateDataset({ out: join(root, 'a'), spec, fit, workers: 0 });
    await generateDataset({ out: join(root, 'b'), spec, fit, workers: 0 });
    for (const k of [1, 2, 3]) await generateDataset({ out: join(root, `shard${k}`), spec, fit, shard: `${k}/3`, workers: 0 });
    mergeDatasets([join(root, 'shard3'), join(root, 'shard1'), join(root, 'shard2')], join(root, 'merged'));
  }, 120_000);

  it('writes label JSON + MOT angles + TRC markers per sample, and the template files as manifest sources', () => {
    const m = readManifest(join(root, 'a'));
    expect(m.counts).toEqual({ subjects: 6, samples: 12, files: 6 * 2 * 3 + 6 + 2 }); // + a static trial per subject
    expect(m.sources.map((s) => `${s.role}:${s.name}`)).toEqual(['fit:ansur2_train.csv', 'template:subject01_static.trc', 'template:subject01_walk.trc']);
    expect(m.engines.ammo).toBeNull();
    expect(m.physics).toMatchObject({ rateHz: 100, strides: 2, markerSet: 'opensim-gait' });
    const label = JSON.parse(readFileSync(join(root, 'a', 'samples', 'S0000', 'S0000-01.json'), 'utf8')) as { outcomes: Record<string, number>; events: { label: string; context: string; time: number }[]; markers: string; series: string; anthropometrics: Record<string, number> };
    const o = label.outcomes;
    expect(o.cadenceStepsPerMin).toBeCloseTo(120 / o.strideTimeS, 2);
    expect(o.strideLengthM).toBeCloseTo(o.speedMps * o.strideTimeS, 5);
    expect(o.legLengthM).toBeCloseTo(label.anthropometrics.trochanterionHeight, 5); // ANSUR hip height, reported to 1 µm
    expect(o.kneeFlexionPeakSwingDegR).toBeGreaterThan(40);
    expect(label.events.filter((e) => e.label === 'Foot Strike')).toHaveLength(5); // 2 strides: R L R L R
    const trc = readTrc(readFileSync(join(root, 'a', 'samples', 'S0000', label.markers)));
    expect(trc.points!.labels).toHaveLength(49);
    expect(trc.points!.rate).toBe(100);
    expect(trc.points!.originalUnits).toBe('mm');
    const mot = readMot(readFileSync(join(root, 'a', 'samples', 'S0000', label.series)));
    expect(mot.inDegrees).toBe(true);
    expect(mot.columns.slice(0, 11)).toEqual(['time', 'pelvis_tilt', 'pelvis_list', 'pelvis_rotation', 'pelvis_tx', 'pelvis_ty', 'pelvis_tz', 'hip_flexion_r', 'hip_adduction_r', 'hip_rotation_r', 'knee_flexion_r']);
    expect(mot.rows).toBe(trc.points!.frames);
    // the heel marker walks one stride per stride: R.Heel x at the 1st and 2nd right heel strikes
    const n = trc.points!.labels.length, heel = trc.points!.labels.indexOf('R.Heel');
    const f1 = Math.round(o.strideTimeS * 100);
    expect(trc.points!.data[(f1 * n + heel) * 3] - trc.points!.data[heel * 3]).toBeCloseTo(o.speedMps * f1 / 100, 1);
  });

  it('same seed → identical bytes; 3 shards merged == single run', () => {
    const a = snapshot(join(root, 'a')), b = snapshot(join(root, 'b')), merged = snapshot(join(root, 'merged'));
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [p, bytes] of a) expect(bytes.equals(b.get(p)!), p).toBe(true);
    expect([...merged.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [p, bytes] of a) expect(bytes.equals(merged.get(p)!), p).toBe(true);
    expect(manifestSansTimings(join(root, 'merged'))).toBe(manifestSansTimings(join(root, 'a')));
  });

  it('gives the leg-length-discrepancy quota its discrepancy and keeps a subject\'s traits across its samples', () => {
    const m = readManifest(join(root, 'a'));
    const lld = m.subjects.filter((s) => s.conditions.some((c) => c.kind === 'leg-length-discrepancy'));
    expect(lld).toHaveLength(2);
    for (const s of m.subjects) {
      const has = lld.includes(s);
      for (const x of s.samples) expect(x.parameters.legLengthDiscrepancyM).toBe(has ? 0.02 : undefined);
      expect(s.samples[0].parameters.kneeFlexionAmplitude).toBe(s.samples[1].parameters.kneeFlexionAmplitude);
      expect(s.samples[0].parameters.frequencyFactor).not.toBe(s.samples[1].parameters.frequencyFactor);
    }
  });

  it('scaling to the static trial and IK on the walk give back the written angles (< 1° RMS), every subject', () => {
    for (const { id, sex, values } of readManifest(join(root, 'a')).subjects) {
      const dir = join(root, 'a', 'samples', id);
      const label = JSON.parse(readFileSync(join(dir, `${id}-01.json`), 'utf8')) as { static: string; markers: string; series: string };
      const scaled = scaleModel(createFullBodyModel({ massKg: values.mass, sex }).model, OPENSIM_GAIT, readTrc(readFileSync(join(dir, label.static))), { massKg: values.mass, sex });
      const ik = solveInverseKinematics(scaled.model, OPENSIM_GAIT, readTrc(readFileSync(join(dir, label.markers))));
      const mot = readMot(readFileSync(join(dir, label.series)));
      for (const c of ['pelvis_tilt', 'pelvis_list', 'hip_flexion_r', 'hip_adduction_r', 'knee_flexion_r', 'ankle_dorsiflexion_r', 'hip_flexion_l', 'knee_flexion_l', 'ankle_dorsiflexion_l']) {
        const a = motColumnValues(mot, motColumn(mot, c)), j = ik.coordinateNames.indexOf(c), n = ik.coordinateNames.length;
        let se = 0;
        for (let f = 0; f < ik.frames; f++) se += (a[f] - (ik.coordinates[f * n + j] * 180) / Math.PI) ** 2;
        expect(Math.sqrt(se / ik.frames), `${id} ${sex} ${c}`).toBeLessThan(1);
      }
    }
  });

  it('the static trial of a leg-length-discrepancy subject scales to a shank shorter by the discrepancy', () => {
    const m = readManifest(join(root, 'a'));
    const s = m.subjects.find((x) => x.conditions.some((c) => c.kind === 'leg-length-discrepancy'))!;
    const side = s.conditions[0].params.side === 'left' ? 'l' : 'r', other = side === 'l' ? 'r' : 'l';
    const trial = readTrc(readFileSync(join(root, 'a', 'samples', s.id, `${s.id}.static.trc`)));
    const sex = s.sex, massKg = s.values.mass;
    const r = scaleModel(createFullBodyModel({ massKg, sex }).model, OPENSIM_GAIT, trial, { massKg, sex });
    expect(r.segmentLengths[`shank_${other}`] - r.segmentLengths[`shank_${side}`]).toBeCloseTo(0.02, 3);
  });

  it('reproduce finds the merged dataset identical', async () => {
    const r = await reproduceDataset(join(root, 'merged'), { fit, workers: 0 });
    expect(r.differing).toEqual([]);
    expect(r.identical).toBe(true);
  }, 60_000);
});
