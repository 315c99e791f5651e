import { describe, expect, it } from 'vitest';
import { readC3d } from '../../../../src/core/formats/c3d/read';
import { KinetwinError } from '../../../../src/core/errors';
import { readShared } from '../../../helpers/shared';
import type { Trial } from '../../../../src/core/model/trial';

const c3dOrg = (...p: string[]): Trial => readC3d(readShared('c3d_org', ...p));
const mm = (t: Trial, label: string, frame: number): number[] => {
  const p = t.points!;
  const i = p.labels.indexOf(label);
  const o = (frame * p.labels.length + i) * 3;
  return [p.data[o] * 1000, p.data[o + 1] * 1000, p.data[o + 2] * 1000];
};

const ALL = [
  ['c3d_org', 'sample00', 'vicon_pyCGM2_lower_limb_CGM24_Walking01.c3d'],
  ['c3d_org', 'sample02', 'dec_int.c3d'],
  ['c3d_org', 'sample02', 'dec_real.c3d'],
  ['c3d_org', 'sample02', 'pc_int.c3d'],
  ['c3d_org', 'sample02', 'pc_real.c3d'],
  ['c3d_org', 'sample02', 'sgi_int.c3d'],
  ['c3d_org', 'sample02', 'sgi_real.c3d'],
  ['c3d_org', 'sample04', 'sub_labels.c3d'],
  ['c3d_org', 'sample08', 'TESTAPI.c3d'],
  ['c3d_org', 'sample08', 'TESTBPI.c3d'],
  ['c3d_org', 'sample10', 'TYPE-2.C3D'],
  ['c3d_org', 'sample10', 'TYPE-4.C3D'],
  ['c3d_org', 'sample26', 'Capture0002.c3d'],
  ['c3d_org', 'sample27', 'kyowadengyo.c3d'],
  ['c3d_org', 'sample28', 'dynamic.C3D'],
  ['c3d_org', 'sample28', 'type1.C3D'],
  ['c3d_org', 'sample35', 'Mega_Electronics_Isokinetic_EMG_Angle_Torque.c3d'],
  ['opensim_core', 'c3d', 'walking2.c3d'],
];

describe('readC3d on the shared corpus', () => {
  it.each(ALL.map((p) => [p.join('/'), p]))('loads %s into a consistent Trial', (_, parts) => {
    const t = readC3d(readShared(...(parts as string[])));
    expect(t.metadata.format).toBe('c3d');
    if (t.points) {
      const P = t.points.labels.length;
      expect(t.points.data.length).toBe(t.points.frames * P * 3);
      expect(t.points.residuals.length).toBe(t.points.frames * P);
      expect(t.points.labels.every((l) => !l.includes(':'))).toBe(true);
    }
    if (t.analogs) for (const ch of t.analogs.channels) expect(ch.length).toBe(t.analogs.samples);
  });

  it('reads the six sample02 processor/storage variants as the same trial', () => {
    const variants = ['pc_real', 'pc_int', 'dec_real', 'dec_int', 'sgi_real', 'sgi_int'].map((v) => c3dOrg('sample02', `${v}.c3d`));
    const ref = variants[0];
    expect(variants.map((t) => `${t.metadata.processor}/${t.metadata.storage}`)).toEqual([
      'intel/float', 'intel/integer', 'dec/float', 'dec/integer', 'mips/float', 'mips/integer',
    ]);
    const step = 0.2812 / 1000 + 1e-7; // POINT:SCALE 0.2812 mm quantises the integer files (≤ one step apart)
    for (const t of variants) {
      expect(t.points!.labels).toEqual(ref.points!.labels);
      expect(t.points!.frames).toBe(89);
      expect(t.analogs!.rate).toBe(200);
      let worst = 0;
      for (let i = 0; i < ref.points!.data.length; i++) {
        const a = ref.points!.data[i];
        const b = t.points!.data[i];
        if (Number.isNaN(a)) expect(b).toBeNaN();
        else worst = Math.max(worst, Math.abs(a - b));
      }
      expect(worst).toBeLessThanOrEqual(step);
      expect(Array.from(t.points!.residuals)).toEqual(Array.from(ref.points!.residuals));
      // dec_int.c3d itself stores 96 residual words with the camera byte one higher (e.g. frame 1 point 20:
      // 14857 vs 14601 in pc_int/pc_real, checked with python struct); all other variants agree exactly
      let maskDiffs = 0;
      for (let i = 0; i < ref.points!.cameraMasks.length; i++) if (t.points!.cameraMasks[i] !== ref.points!.cameraMasks[i]) maskDiffs++;
      expect(maskDiffs).toBe(t === variants[3] ? 96 : 0);
      let analogWorst = 0;
      for (let c = 0; c < 16; c++) for (let s = 0; s < t.analogs!.samples; s++) analogWorst = Math.max(analogWorst, Math.abs(t.analogs!.channels[c][s] - ref.analogs!.channels[c][s]));
      expect(analogWorst).toBeLessThan(1e-4);
    }
  });

  it('gives sample02 RSK1 at frame 16 as decoded independently (python struct on pc_real.c3d)', () => {
    // frame 16 (index 15): x y z = 389.71808 492.34946 317.73550 mm, residual word 13058 = camera mask 51, residual 2 × |POINT:SCALE| (0.2812 mm)
    for (const v of ['pc_real', 'dec_int', 'sgi_int']) {
      const t = c3dOrg('sample02', `${v}.c3d`);
      const [x, y, z] = mm(t, 'RSK1', 15);
      expect(x).toBeCloseTo(389.718, 1);
      expect(y).toBeCloseTo(492.349, 1);
      expect(z).toBeCloseTo(317.736, 1);
      const i = 15 * t.points!.labels.length + t.points!.labels.indexOf('RSK1');
      expect(t.points!.cameraMasks[i]).toBe(51);
      expect(t.points!.residuals[i]).toBeCloseTo(0.0005624, 7);
    }
  });

  it('reads sample02 header events (9 in the Intel/SGI files; the DEC integer file stores 8)', () => {
    const pc = c3dOrg('sample02', 'pc_int.c3d');
    expect(pc.events.map((e) => e.label)).toEqual(['RHS', 'STRT', 'RMS', 'LHS', 'RTO', 'LMS', 'STOP', 'LTO', 'EOF']);
    expect(pc.events.map((e) => e.time)).toEqual([0.38, 0.68, 0.72, 0.84, 0.92, 1.16, 1.2, 1.4, 1.76].map(Math.fround));
    expect(c3dOrg('sample02', 'dec_real.c3d').events).toEqual(pc.events);
    expect(c3dOrg('sample02', 'dec_int.c3d').events.map((e) => e.label)).toEqual(['RHS', 'STRT', 'RMS', 'LHS', 'RTO', 'LMS', 'STOP', 'LTO']);
  });

  it('follows the header block pointers when sections are moved (sample08 TESTBPI = TESTAPI)', () => {
    const a = c3dOrg('sample08', 'TESTAPI.c3d');
    const b = c3dOrg('sample08', 'TESTBPI.c3d');
    expect((b.metadata.extra as { c3d: { parameterBlock: number; dataBlock: number } }).c3d).toMatchObject({ parameterBlock: 11, dataBlock: 20 });
    expect(b.points!.frames).toBe(450);
    expect(b.points!.labels).toEqual(a.points!.labels);
    expect(Array.from(b.points!.data)).toEqual(Array.from(a.points!.data));
    expect(b.analogs!.channels[2]).toEqual(a.analogs!.channels[2]);
  });

  it('tolerates the BTS file with missing parameters and duplicate labels (sample28) with warnings', () => {
    const t = c3dOrg('sample28', 'dynamic.C3D');
    const w = t.metadata.warnings.join('\n');
    expect(w).toMatch(/POINT:RATE missing/);
    expect(w).toMatch(/duplicate point labels/);
    expect(t.points!.rate).toBe(100);
    expect(t.points!.frames).toBe(296);
    const fixed = c3dOrg('sample28', 'type1.C3D');
    expect(fixed.metadata.warnings).toEqual([]);
    expect(fixed.forcePlates[0].type).toBe(1);
  });

  it('separates subject names from labels into metadata.extra.personal (sample04, sample00)', () => {
    const t = c3dOrg('sample04', 'sub_labels.c3d');
    expect(t.metadata.processor).toBe('dec');
    expect((t.metadata.extra as { personal: { names: string[] } }).personal.names).toEqual(['Matt']);
    expect(t.points!.labels).toContain('C7');
    expect(t.points!.labels.some((l) => l.includes('Matt'))).toBe(false);
    expect(t.events.length).toBe(8);
    const v = c3dOrg('sample00', 'vicon_pyCGM2_lower_limb_CGM24_Walking01.c3d');
    expect(v.points!.labels.length).toBe(171);
    expect(JSON.stringify(v.points!.labels)).not.toContain('CGM24');
  });

  it('reads the EVENT group: labels, contexts, minutes×60+seconds times, descriptions (sample00)', () => {
    const t = c3dOrg('sample00', 'vicon_pyCGM2_lower_limb_CGM24_Walking01.c3d');
    expect(t.events.length).toBe(18);
    expect(t.events[0]).toEqual({ label: 'Foot Strike', context: 'Left', time: Math.fround(2.732), description: 'The instant the heel strikes the ground' });
    expect(t.metadata.vendor).toBe('Vicon');
    expect(t.metadata.software).toMatch(/^Vicon Nexus 2\.9/);
  });

  it('reads a 1 Hz point rate with 1250 Hz analogs (sample35) and a record past the stated parameter blocks', () => {
    const t = c3dOrg('sample35', 'Mega_Electronics_Isokinetic_EMG_Angle_Torque.c3d');
    expect(t.points).toBeNull();
    expect(t.analogs!.rate).toBe(1250);
    expect(t.analogs!.labels).toEqual(['Vastus medialis', 'Vastus lateralis', 'Angle', 'Torque']);
    expect(t.analogs!.units).toEqual(['uV', 'uV', '\u00b0', 'Nm']); // degree sign, Latin-1 byte 0xB0
    expect(t.analogs!.samples).toBe(29 * 1250);
  });

  it('resolves POINT:USED against the header by the data that is present (sample27)', () => {
    const t = c3dOrg('sample27', 'kyowadengyo.c3d');
    expect(t.points!.labels.length).toBe(11);
    expect(t.points!.frames).toBe(152);
    expect(t.forcePlates.map((p) => p.type)).toEqual([3, 3, 3]);
  });

  it('matches OpenSim\'s TRC export of walking2.c3d (every 10th frame, 5 significant digits)', () => {
    const t = readC3d(readShared('opensim_core', 'c3d', 'walking2.c3d'));
    const trc = new TextDecoder().decode(readShared('opensim_core', 'c3d', 'std_walking2_markers.trc')).split(/\r?\n/);
    const names = trc[3].split('\t').slice(2).filter((s) => s.trim() !== '');
    expect(names.length).toBe(44);
    let compared = 0;
    for (const line of trc.slice(5)) {
      const cells = line.split('\t');
      if (cells.length < 3 || cells[0].trim() === '') continue;
      const frame = Math.round(Number(cells[1]) * 250); // TRC rows step 0.04 s = 10 frames at 250 Hz
      names.forEach((name, k) => {
        const expected = cells.slice(2 + 3 * k, 5 + 3 * k).map(Number);
        const got = mm(t, name, frame);
        for (let a = 0; a < 3; a++) {
          if (Number.isNaN(expected[a])) expect(got[a]).toBeNaN();
          else {
            expect(Math.abs(got[a] - expected[a])).toBeLessThanOrEqual(Math.abs(expected[a]) * 5e-5 + 1e-3);
            compared++;
          }
        }
      });
    }
    expect(compared).toBeGreaterThan(8000);
  });

  it('infers a Y-up lab from the plate normal when POINT:Y_SCREEN is absent (sample28)', () => {
    expect(c3dOrg('sample28', 'type1.C3D').metadata.upAxis).toBe('y');
    expect(c3dOrg('sample02', 'pc_real.c3d').metadata.upAxis).toBe('z');
  });
});

describe('readC3d input buffers', () => {
  it('reads bytes at an odd offset in their buffer (e.g. a pooled Node Buffer) the same as aligned bytes', () => {
    for (const file of ['pc_real.c3d', 'pc_int.c3d']) {
      const bytes = readShared('c3d_org', 'sample02', file);
      const shifted = new Uint8Array(bytes.length + 1);
      shifted.set(bytes, 1);
      const a = readC3d(bytes);
      const b = readC3d(shifted.subarray(1));
      expect(Array.from(b.points!.data)).toEqual(Array.from(a.points!.data));
      expect(Array.from(b.analogs!.channels[5])).toEqual(Array.from(a.analogs!.channels[5]));
    }
  });
});

describe('readC3d rejects what is not a C3D', () => {
  it('throws KinetwinError for short, foreign and pointer-corrupted input', () => {
    expect(() => readC3d(new Uint8Array(100))).toThrow(KinetwinError);
    expect(() => readC3d(new Uint8Array(2048))).toThrow(/not a C3D/);
    const bytes = readShared('c3d_org', 'sample02', 'pc_real.c3d').slice();
    bytes[0] = 200; // parameter block beyond the file
    expect(() => readC3d(bytes)).toThrow(KinetwinError);
    const wrongProcessor = readShared('c3d_org', 'sample02', 'pc_real.c3d').slice();
    wrongProcessor[512 + 3] = 99;
    expect(() => readC3d(wrongProcessor)).toThrow(/processor/);
  });

  it('reads the complete frames of a truncated file and says so', () => {
    const bytes = readShared('c3d_org', 'sample02', 'pc_real.c3d');
    const t = readC3d(bytes.subarray(0, bytes.length - 20000));
    expect(t.points!.frames).toBeLessThan(89);
    expect(t.metadata.warnings.join()).toMatch(/truncated/);
  });
});
