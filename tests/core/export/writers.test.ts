import { describe, expect, it } from 'vitest';
import { KinetwinError } from '../../../src/core/errors';
import { trialPositionChannels, writeBidsMotion } from '../../../src/core/export/bids-motion';
import { buildCocoKeypoints, validateCocoKeypoints } from '../../../src/core/export/coco';
import { COCO_PERSON_17, HAND_21 } from '../../../src/core/export/coco-layouts';
import { csvField, writeCsvTable } from '../../../src/core/export/csv';
import { readCsvTable } from '../../../src/core/metrics/read-csv-table';
import { makeTable } from '../../../src/core/metrics/table';
import type { Trial } from '../../../src/core/model/trial';

describe('writeCsvTable', () => {
  it('quotes fields with delimiters, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(NaN)).toBe('');
    expect(csvField(0.1 + 0.2)).toBe('0.30000000000000004');
  });
  it('round-trips through readCsvTable, missing values included', () => {
    const t = makeTable([
      { name: 'name, full', kind: 'categorical', values: ['Ann "A"', '', 'x\ny'] },
      { name: 'mass', kind: 'numeric', values: Float64Array.from([61.9, NaN, 1e-7]) },
    ]);
    const back = readCsvTable(writeCsvTable(t)).table;
    expect(back.rows).toBe(3);
    expect(back.columns[0]).toEqual(t.columns[0]);
    expect(Array.from(back.columns[1].values as Float64Array)).toEqual([61.9, NaN, 1e-7]);
  });
});

describe('readCsvTable', () => {
  it('reads TSV with CRLF and a BOM, and warns about ragged rows', () => {
    const r = readCsvTable('\ufeffa\tb\r\n1\tx\r\n2\r\n');
    expect(r.table.columns.map((c) => c.kind)).toEqual(['numeric', 'categorical']);
    expect(r.warnings[0]).toMatch(/1 row/);
  });
  it('throws KinetwinError on an unterminated quote and on empty input', () => {
    expect(() => readCsvTable('a\n"oops')).toThrow(KinetwinError);
    expect(() => readCsvTable('')).toThrow(KinetwinError);
  });
});

describe('COCO keypoints', () => {
  const image = { id: 7, file_name: 'S0001_cmj_000.png', width: 640, height: 480 };

  it('layouts: person skeleton as published, hand has 21 points and 20 1-based bones', () => {
    expect(COCO_PERSON_17.keypoints).toHaveLength(17);
    expect(COCO_PERSON_17.skeleton).toHaveLength(19);
    expect(HAND_21.keypoints[0]).toBe('wrist');
    expect(HAND_21.keypoints[4]).toBe('thumb_tip');
    expect(HAND_21.keypoints[20]).toBe('little_tip');
    expect(HAND_21.skeleton).toHaveLength(20);
    expect(Math.min(...HAND_21.skeleton.flat())).toBe(1);
    expect(Math.max(...HAND_21.skeleton.flat())).toBe(21);
  });

  it('builds annotations with num_keypoints, bbox and area, and unlabelled points at (0, 0, 0)', () => {
    const points = new Float64Array(42);
    const visibility = new Uint8Array(21).fill(2);
    for (let i = 0; i < 21; i++) {
      points[2 * i] = 100 + i * 10; // x 100..300
      points[2 * i + 1] = 200 + (i % 5) * 10; // y 200..240
    }
    visibility[16] = 0; // ring tip missing (absent digit)
    visibility[3] = 1; // occluded
    const ds = buildCocoKeypoints({ categories: [{ id: 1, layout: HAND_21 }], images: [image], instances: [{ imageId: 7, categoryId: 1, points, visibility }], bboxPadding: 0 });
    const a = ds.annotations[0];
    expect(a.num_keypoints).toBe(20);
    expect(a.keypoints.slice(48, 51)).toEqual([0, 0, 0]);
    expect(a.keypoints.slice(9, 12)).toEqual([130, 230, 1]);
    expect(a.bbox).toEqual([100, 200, 200, 40]);
    expect(a.area).toBe(8000);
    expect(validateCocoKeypoints(JSON.parse(JSON.stringify(ds)))).toEqual([]);
  });

  it('validator reports broken references, counts, visibilities and skeleton indices', () => {
    const ds = buildCocoKeypoints({ categories: [{ id: 1, layout: COCO_PERSON_17 }], images: [image], instances: [{ imageId: 7, categoryId: 1, points: new Float64Array(34).fill(50), visibility: new Uint8Array(17).fill(2) }] });
    const bad = JSON.parse(JSON.stringify(ds));
    bad.annotations[0].num_keypoints = 3;
    bad.annotations[0].keypoints[2] = 5;
    bad.annotations[0].image_id = 99;
    bad.categories[0].skeleton.push([0, 18]);
    const errors = validateCocoKeypoints(bad);
    expect(errors.some((e) => e.includes('num_keypoints'))).toBe(true);
    expect(errors.some((e) => e.includes('visibility 5'))).toBe(true);
    expect(errors.some((e) => e.includes('image_id 99'))).toBe(true);
    expect(errors.some((e) => e.includes('skeleton[19]'))).toBe(true);
    expect(validateCocoKeypoints([])).toEqual(['top level is not an object']);
  });
});

describe('writeBidsMotion', () => {
  const trial: Trial = {
    points: { labels: ['LASI', 'RASI'], descriptions: ['', ''], rate: 100, frames: 2, firstFrame: 1, originalUnits: 'mm', data: Float32Array.from([0.5, 1, 0.25, 0.75, 1, NaN, 0.5, 1, 0.25, 0.75, 1, 0.5]), residuals: new Float32Array(4), cameraMasks: new Uint8Array(4) },
    analogs: null,
    forcePlates: [],
    events: [],
    metadata: { format: 'c3d', upAxis: 'z', warnings: [] },
  };

  it('writes motion TSV without header, JSON sidecar and channels TSV with BIDS names', () => {
    const files = writeBidsMotion({ subject: 'S0001', session: '01', task: 'droplanding', trackingSystem: 'optical', run: 1, samplingFrequency: 100, channels: trialPositionChannels(trial) });
    expect(files.map((f) => f.path)).toEqual([
      'sub-S0001/ses-01/motion/sub-S0001_ses-01_task-droplanding_tracksys-optical_run-1_motion.tsv',
      'sub-S0001/ses-01/motion/sub-S0001_ses-01_task-droplanding_tracksys-optical_run-1_motion.json',
      'sub-S0001/ses-01/motion/sub-S0001_ses-01_task-droplanding_tracksys-optical_run-1_channels.tsv',
    ]);
    expect(files[0].content).toBe('0.5\t1\t0.25\t0.75\t1\tn/a\n0.5\t1\t0.25\t0.75\t1\t0.5\n');
    const json = JSON.parse(files[1].content);
    expect(json).toMatchObject({ TaskName: 'droplanding', SamplingFrequency: 100, TrackingSystemName: 'optical', MotionChannelCount: 6, POSChannelCount: 6, RecordingDuration: 0.02 });
    const ch = files[2].content.trim().split('\n');
    expect(ch[0]).toBe('name\tcomponent\ttype\ttracked_point\tunits');
    expect(ch[1]).toBe('LASI_x\tx\tPOS\tLASI\tm');
    expect(ch).toHaveLength(7);
  });

  it('rejects non-alphanumeric labels, unknown types and mismatched lengths', () => {
    const ch = { name: 'a', component: 'x', type: 'POS' as const, trackedPoint: 'p', units: 'm', data: [1, 2] };
    expect(() => writeBidsMotion({ subject: 'S_1', task: 't', trackingSystem: 'x', samplingFrequency: 1, channels: [ch] })).toThrow(KinetwinError);
    expect(() => writeBidsMotion({ subject: 'S1', task: 't', trackingSystem: 'x', samplingFrequency: 1, channels: [{ ...ch, type: 'FOO' as never }] })).toThrow(KinetwinError);
    expect(() => writeBidsMotion({ subject: 'S1', task: 't', trackingSystem: 'x', samplingFrequency: 1, channels: [ch, { ...ch, name: 'b', data: [1] }] })).toThrow(KinetwinError);
  });
});
