import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KinetwinError } from '../../../src/core/errors';
import { readMot } from '../../../src/core/formats/mot/read';
import { inverseDynamicsFile, inverseKinematicsFile, scaleSubjectFile } from '../../../src/backend/services/kinematics';
import { sharedData } from '../../helpers/shared';
import { twinOps } from '../../../src/backend/api/contract/twin';

const file = (name: string) => sharedData('opensim_core', 'gait10dof18musc', name);
const subject = { massKg: 72.6, sex: 'male' as const };

describe('kinematics service', () => {
  it('scales the model to a static TRC and describes it as plain JSON', async () => {
    const r = await scaleSubjectFile(file('subject01_static.trc'), subject);
    expect(r.markerSet).toBe('opensim-gait');
    expect(r.model.segments.map((s) => s.name)).toContain('shank_l');
    const knee = r.model.coordinates.find((c) => c.name === 'knee_flexion_r')!;
    expect([knee.min, knee.max]).toEqual([-10, 145]);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(twinOps.twinScale.response.parse(r)).toEqual(r); // the API contract accepts it
  });

  it('writes IK and ID results as OpenSim MOT files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kinetwin-twin-'));
    const ik = await inverseKinematicsFile(file('subject01_static.trc'), file('subject01_walk.trc'), { ...subject, outPath: join(dir, 'ik.mot') });
    expect(ik.frames).toBe(151);
    expect(twinOps.twinInverseKinematics.response.parse(ik)).toEqual(ik);
    expect(ik.rangesDeg.knee_flexion_r[1]).toBeGreaterThan(50);
    expect(ik.meanRmsErrorM).toBeLessThan(0.02);
    expect(ik.coordinateNames).toContain('clavicle_protraction_l');
    const table = readMot(readFileSync(join(dir, 'ik.mot'), 'utf8'));
    expect(table.inDegrees).toBe(true);
    expect(table.rows).toBe(151);
    const id = await inverseDynamicsFile(file('subject01_static.trc'), file('subject01_walk.trc'), file('subject01_walk_grf.mot'), { ...subject, outPath: join(dir, 'id.sto') });
    expect(id.peaksNmPerKg.ankle_dorsiflexion_r[0]).toBeLessThan(-1);
    expect(readMot(readFileSync(join(dir, 'id.sto'), 'utf8')).columns).toContain('knee_flexion_l_moment');
  });

  it('names the file in errors', async () => {
    await expect(scaleSubjectFile(file('subject01_walk.trc'), subject)).rejects.toThrow(KinetwinError);
    await expect(scaleSubjectFile(file('subject01_walk.trc'), subject)).rejects.toMatchObject({ file: file('subject01_walk.trc') });
    await expect(scaleSubjectFile(file('nope.trc'), subject)).rejects.toThrow(/no such file/);
  });
});
