// Per-sample parameters and label/series files of the physics tasks. A sample's randomness comes only from
// (spec seed, subject index, substream 16 + k), so shards and worker counts cannot change it.
import type { CohortSubject } from '../cohort/generate';
import type { CohortSpec } from '../cohort/spec';
import { KinetwinError } from '../errors';
import { writeMot } from '../formats/mot/write';
import { fixedDecimal } from './fixedDecimal';
import { streamFor } from '../random/stream';
import { drawGaitParameters } from './gait-params';

export const SAMPLE_SUBSTREAM_BASE = 16;
export const DROP_HEIGHT_RANGE: readonly [number, number] = [0.2, 0.6]; // m, typical drop-jump boxes

// Cohort-mode physics: 1 ms step as in single simulations (at 2 ms the heel-pad contact, ~600–1000 rad/s on a light
// foot, is under-resolved and peaks moved by up to ~50 %); landing window 0.3 s after touchdown (the GRF peak falls
// within ~0.15 s, the knee/hip flexion peaks by ~0.3 s), CMJ unchanged. Workers reuse one landing world per thread.
// Landings use the classic lumped head–arms–trunk (HAT) segment (Winter 2009) held in the pre-landing posture: 8 bodies
// instead of 15, ~37 % less time per subject. Against the articulated body (tests/core/physics/body/lumpedBody.test.ts):
// knee/hip flexion peaks within 0.8°, peak vertical GRF within ±5.6 % on the reference cases (mean |Δ| 2.4 %, bias
// +0.9 % over 300 cohort subjects; the ±1° pose jitter of one seed alone moves it by up to ~4 %).
export const COHORT_PHYSICS = { landing: { dt: 0.001, duration: 0.3, upperBody: 'lumped' }, jump: { dt: 0.001 } } as const;

export type DatasetTask = 'drop-landing' | 'cmj' | 'hand-poses' | 'gait';

/** What is drawn for sample k of a subject: the physics seed and, per task, the drop height / strategy, the jump
 * strength, or the gait perturbation (gait-params.ts). */
export function drawSampleParameters(spec: CohortSpec, subject: CohortSubject, task: DatasetTask, k: number): Record<string, number | string | boolean> {
  const rng = streamFor(spec.seed, subject.index, SAMPLE_SUBSTREAM_BASE + k);
  const seed = rng.nextUint32();
  if (task === 'drop-landing') {
    const stiff = subject.conditions.some((c) => c.kind === 'stiff-landing');
    const h = DROP_HEIGHT_RANGE[0] + (DROP_HEIGHT_RANGE[1] - DROP_HEIGHT_RANGE[0]) * rng.nextDouble();
    return { seed, dropHeightM: Math.round(h * 1000) / 1000, strategy: stiff ? 'stiff' : 'soft' };
  }
  if (task === 'cmj') return { seed, strength: Math.round((0.85 + 0.3 * rng.nextDouble()) * 1000) / 1000 };
  if (task === 'gait') return { seed, ...drawGaitParameters(spec.seed, subject, rng) };
  return { seed };
}

const MOT_COLUMNS: Array<[string, string]> = [
  ['time', 'time'], ['grfVerticalBw', 'ground_force_vy_bw'], ['hipFlexionDeg', 'hip_flexion_r'],
  ['kneeFlexionDeg', 'knee_angle_r'], ['ankleFlexionDeg', 'ankle_angle_r'], ['comHeightM', 'com_height_m'],
];

/**
 * Series of a landing/jump summary as an OpenSim MOT (version 1, degrees): the bytes writeMot gives, with numbers
 * of up to `digits` decimals (the summaries' 5) formatted by fixedDecimal (a cohort writes ~2,000 per subject).
 */
export function seriesMot(name: string, series: Record<string, number[]>, digits = 5): string {
  const cols = MOT_COLUMNS.filter(([k]) => series[k] !== undefined);
  if (cols.length === 0) return writeMot({ name, version: 1, inDegrees: true, columns: [], data: new Float64Array(0), rows: 0, header: {}, warnings: [] }); // throws
  const rows = series.time?.length ?? 0;
  for (const [k] of cols) if (series[k].length < rows) throw new KinetwinError(`series '${k}' holds ${series[k].length} values, expected ${rows}`);
  const title = name.replace(/[\r\n]/g, ' ').trim();
  const lines: string[] = [title === '' ? 'kinetwin' : title, 'version=1', `nRows=${rows}`, `nColumns=${cols.length}`, 'inDegrees=yes', 'endheader', cols.map(([, l]) => l).join('\t')];
  const vs = cols.map(([k]) => series[k]);
  const cells: string[] = new Array(cols.length);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < vs.length; c++) cells[c] = fixedDecimal(vs[c][r], digits);
    lines.push(cells.join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

/** Scalars of a task summary (everything but the series), non-finite numbers as null. */
export function summaryOutcomes(summary: Record<string, unknown>): Record<string, number | string | boolean | null> {
  const out: Record<string, number | string | boolean | null> = {};
  for (const [k, v] of Object.entries(summary)) {
    if (k === 'series') continue;
    if (typeof v === 'number') out[k] = Number.isFinite(v) ? v : null;
    else if (typeof v === 'string' || typeof v === 'boolean' || v === null) out[k] = v;
  }
  return out;
}
