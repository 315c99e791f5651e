import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { readMot } from '../../src/core/formats/mot/read';
import { sharedData } from '../helpers/shared';


const gait = (name: string) => sharedData('opensim_core', 'gait10dof18musc', name);
const walking2 = sharedData('opensim_core', 'c3d', 'walking2.c3d');
const LOWER = ['hip_flexion', 'hip_adduction', 'hip_rotation', 'knee_flexion', 'ankle_dorsiflexion', 'ankle_inversion'];

describe('kinetwin analyze kinematics on gait10dof18musc (static + walk + walk_grf.mot)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kinetwin-kin-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const mot = join(dir, 'angles.mot');
  let json: { frames: number; rate: number; coordinateNames: string[]; rmsMarkerErrorM: { mean: number; max: number }; coordinates: Record<string, { minDeg: number; maxDeg: number; peakDeg: number }>; moments: null | { source: string; plates: number; columns: string[]; peaks: Record<string, { minNmPerKg: number; maxNmPerKg: number }> }; output: string; warnings: string[] };
  beforeAll(async () => {
    const r = await cli(['analyze', 'kinematics', gait('subject01_walk.trc'), '--static', gait('subject01_static.trc'), '--mass', '72.6', '--sex', 'm', '--grf', gait('subject01_walk_grf.mot'), '--out', mot, '--json']);
    expect(r.code).toBe(0);
    json = JSON.parse(r.stdout);
  }, 60_000);

  it('writes an OpenSim MOT in degrees whose first column is time and whose columns are named as OpenSim names them', () => {
    const text = readFileSync(mot, 'utf8');
    expect(text).toMatch(/^inverse_kinematics\r?\n/);
    expect(text).toMatch(/\ninDegrees=yes\r?\n/);
    const t = readMot(text);
    expect(t.inDegrees).toBe(true);
    expect(t.columns[0]).toBe('time');
    for (const side of ['r', 'l']) for (const c of LOWER) expect(t.columns).toContain(`${c}_${side}`);
    for (const c of ['pelvis_tilt', 'pelvis_list', 'pelvis_rotation', 'lumbar_extension', 'lumbar_bending', 'lumbar_rotation']) expect(t.columns).toContain(c);
    expect(t.rows).toBe(151);
    expect(t.data[0]).toBeCloseTo(0, 6); // subject01_walk.trc: frame 1 at 0 s, 60 Hz
    expect(t.data[150 * t.columns.length]).toBeCloseTo(2.5, 6);
  });

  it('finds a swing-phase knee flexion peak of 50–75° on both sides and a stance hip extension', () => {
    for (const s of ['r', 'l']) {
      expect(json.coordinates[`knee_flexion_${s}`]!.peakDeg).toBeGreaterThan(50);
      expect(json.coordinates[`knee_flexion_${s}`]!.peakDeg).toBeLessThan(75);
      expect(json.coordinates[`hip_flexion_${s}`]!.minDeg).toBeLessThan(-10); // hip extension at toe-off (Perry: ≈ −10 to −20°)
    }
    const t = readMot(readFileSync(mot, 'utf8'));
    const k = t.columns.indexOf('knee_flexion_r');
    let peak = -Infinity;
    for (let r = 0; r < t.rows; r++) peak = Math.max(peak, t.data[r * t.columns.length + k]!);
    expect(peak).toBeCloseTo(json.coordinates.knee_flexion_r!.maxDeg, 1); // the MOT holds degrees, not radians
  });

  it('summarises frames, rate, marker RMS and the output path', () => {
    expect(json.frames).toBe(151);
    expect(json.rate).toBe(60);
    expect(json.output).toBe(mot);
    expect(json.rmsMarkerErrorM.mean).toBeGreaterThan(0.005);
    expect(json.rmsMarkerErrorM.mean).toBeLessThan(0.02); // issue 4: < 2 cm with the shoulder-girdle model
    expect(json.coordinateNames).toContain('clavicle_elevation_r'); // both acromions tracked → girdles in the model
    expect(json.rmsMarkerErrorM.max).toBeGreaterThanOrEqual(json.rmsMarkerErrorM.mean);
  });

  it('adds joint moments (N·m/kg) from the GRF file with a walking-sized ankle plantarflexor peak', () => {
    expect(json.moments!.source).toBe('grf-mot');
    expect(json.moments!.plates).toBe(2);
    expect(json.coordinateNames).toContain('knee_flexion_r_moment');
    expect(readMot(readFileSync(mot, 'utf8')).columns).toContain('ankle_dorsiflexion_l_moment');
    // Winter (2009) normal walking: peak plantarflexor moment ≈ 1.3–1.6 N·m/kg
    for (const s of ['r', 'l']) {
      expect(json.moments!.peaks[`ankle_dorsiflexion_${s}_moment`]!.minNmPerKg).toBeLessThan(-1.0);
      expect(json.moments!.peaks[`ankle_dorsiflexion_${s}_moment`]!.minNmPerKg).toBeGreaterThan(-2.2);
    }
  });
});

describe('kinetwin analyze kinematics on walking2.c3d (its own force plates)', () => {
  it('scales on frames 423–433 of the walk itself, solves IK and takes moments from the C3D plates', async () => {
    const r = await cli(['analyze', 'kinematics', walking2, '--static', walking2, '--static-frames', '423:433', '--mass', '70', '--moments', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.markerSet).toBe('vicon-cluster');
    expect(j.frames).toBe(1249);
    expect(j.rate).toBe(250);
    expect(j.rmsMarkerErrorM.mean).toBeLessThan(0.02);
    for (const s of ['r', 'l']) {
      expect(j.coordinates[`knee_flexion_${s}`].peakDeg).toBeGreaterThan(50);
      expect(j.coordinates[`knee_flexion_${s}`].peakDeg).toBeLessThan(75);
      expect(j.moments.peaks[`ankle_dorsiflexion_${s}_moment`].minNmPerKg).toBeLessThan(-1.0);
      expect(j.moments.peaks[`ankle_dorsiflexion_${s}_moment`].minNmPerKg).toBeGreaterThan(-2.2);
    }
    expect(j.moments.source).toBe('c3d-plates');
    expect(j.moments.plates).toBe(2);
  }, 60_000);
});

describe('kinetwin analyze kinematics errors', () => {
  it('--moments on a TRC without --grf says there are no force plates', async () => {
    const r = await cli(['analyze', 'kinematics', gait('subject01_walk.trc'), '--static', gait('subject01_static.trc'), '--mass', '72.6', '--moments']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error: ${gait('subject01_walk.trc')}: no force plates`);
  });

  it('names the markers a static trial lacks', async () => {
    const r = await cli(['analyze', 'kinematics', gait('subject01_walk.trc'), '--static', gait('subject01_walk.trc')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .*subject01_walk\.trc: static trial lacks markers the model needs: R\.Knee\.Lat/m);
  });

  it('requires --static, a known sex and the mass for moments', async () => {
    expect((await cli(['analyze', 'kinematics', walking2])).stderr).toMatch(/--static STATIC is required/);
    expect((await cli(['analyze', 'kinematics', walking2, '--static', walking2, '--sex', 'x'])).stderr).toMatch(/--sex must be f or m/);
    const r = await cli(['analyze', 'kinematics', walking2, '--static', walking2, '--moments']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--moments needs the body mass/);
    expect((await cli(['analyze', 'kinematics', walking2, '--static', walking2, '--static-frames', '9:3'])).stderr).toMatch(/--static-frames must be N or A:B/);
  });
});
