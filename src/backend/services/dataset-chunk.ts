// Generates subjects [start, end) of a cohort dataset into `outDir`: runs the physics task per sample (gait: the
// shared template perturbed, core/dataset/gait-task.ts), writes the label JSON (+ MOT series, + TRC markers and a
// static trial for gait), hashes every file. Pure function of (model, spec, task, index) per subject: the
// same in a worker, in-process, in any shard.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateSubject, type CohortSubject } from '../../core/cohort/generate';
import type { CohortModel } from '../../core/cohort/model';
import { planCohort, type CohortPlan } from '../../core/cohort/plan';
import type { CohortSpec } from '../../core/cohort/spec';
import { gaitStaticTrc, gaitSubjectBody, runGaitSample } from '../../core/dataset/gait-task';
import type { GaitTemplate } from '../../core/dataset/gait-template';
import type { DatasetFile, DatasetSample, DatasetSubject } from '../../core/dataset/manifest';
import { samplePath, subjectFilePath } from '../../core/dataset/naming';
import { COHORT_PHYSICS, drawSampleParameters, seriesMot, summaryOutcomes, type DatasetTask } from '../../core/dataset/sample';
import { KinetwinError } from '../../core/errors';
import type { AmmoModule } from '../../core/physics/ammo';
import { createLandingSimulator, type LandingSimulator } from '../../core/physics/body/landing';
import { runHandTask, runJumpTask, runLandingTask } from '../../core/physics/tasks';

export interface ChunkJob {
  model: CohortModel;
  spec: CohortSpec;
  task: DatasetTask;
  outDir: string;
  gait?: GaitTemplate; // the gait task's template, computed once per dataset (dataset-gait.ts)
}

export interface ChunkResult {
  subjects: DatasetSubject[];
  files: DatasetFile[];
}

let madeDir = ''; // the last directory made: consecutive files of a subject share it (one mkdir, not one per file)

function writeHashed(outDir: string, rel: string, content: string | Uint8Array, files: DatasetFile[]): void {
  const full = join(outDir, ...rel.split('/'));
  if (dirname(full) !== madeDir) { mkdirSync(dirname(full), { recursive: true }); madeDir = dirname(full); }
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  try {
    writeFileSync(full, bytes);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    mkdirSync(dirname(full), { recursive: true }); // the remembered directory was removed since
    writeFileSync(full, bytes);
  }
  files.push({ path: rel, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
}

const json = (v: unknown): string => `${JSON.stringify(v, null, 1)}\n`;

/** Hand variant from a subject's absent-digit conditions (param `digit`, 1–5). */
function handVariant(subject: CohortSubject): { absent?: number[] } {
  const absent = subject.conditions.filter((c) => c.kind === 'absent-digit').map((c) => Number(c.params.digit ?? 4)).filter((d) => d >= 1 && d <= 5);
  return absent.length > 0 ? { absent: [...new Set(absent)].sort() } : {};
}

/** One subject: its samples run and written. */
export function generateDatasetSubject(ammo: AmmoModule, job: ChunkJob, plan: CohortPlan, index: number, files: DatasetFile[]): DatasetSubject {
  const { spec, task, outDir } = job;
  const subject = generateSubject(job.model, spec, plan, index);
  const K = spec.samplesPerSubject;
  const samples: DatasetSample[] = [];
  const mass = subject.values.mass;
  const stature = subject.values.stature;
  const sex = subject.sex === 'female' ? 'f' as const : 'm' as const;
  if (task === 'hand-poses') {
    const handLength = Math.min(0.3, Math.max(0.08, subject.values.handLength ?? 0.19));
    const variant = handVariant(subject);
    // all of a subject's pose labels in one JSON-lines file (one compact label per line, sample order)
    const lines: string[] = [];
    runHandTask(ammo, { samples: K, seed: spec.seed, first: index * K, handLength, variant }, (i, label) => {
      const k = i - index * K;
      lines.push(JSON.stringify({ subject: subject.id, sample: k, task, ...label }));
      samples.push({ k, parameters: { seed: spec.seed, sampleIndex: i, handLengthM: handLength }, outcomes: { collisionFree: label.collisionFree as boolean, attempts: label.attempts as number, limitViolationDeg: label.limitViolationDeg as number } });
    });
    writeHashed(outDir, subjectFilePath(subject.id, 'jsonl'), `${lines.join('\n')}\n`, files);
  } else if (task === 'gait') {
    if (!job.gait) throw new KinetwinError('the gait task needs its template');
    if (!(mass > 0) || !(stature > 0)) throw new KinetwinError('the cohort model must include stature and mass for the gait task');
    const body = gaitSubjectBody(subject);
    const staticPath = subjectFilePath(subject.id, 'static.trc');
    const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);
    writeHashed(outDir, staticPath, gaitStaticTrc(body, base(staticPath)), files);
    for (let k = 0; k < K; k++) {
      const parameters = drawSampleParameters(spec, subject, task, k);
      const labelPath = samplePath(subject.id, k, K, 'json');
      const motPath = samplePath(subject.id, k, K, 'mot');
      const trcPath = samplePath(subject.id, k, K, 'trc');
      const g = runGaitSample(job.gait, body, parameters, `gait ${subject.id} sample ${k}`, base(trcPath));
      const label = { subject: subject.id, sample: k, task, sex: subject.sex, age: subject.age, anthropometrics: subject.values, conditions: subject.conditions, parameters, outcomes: g.outcomes, events: g.events, series: base(motPath), markers: base(trcPath), static: base(staticPath) };
      writeHashed(outDir, labelPath, json(label), files);
      writeHashed(outDir, motPath, g.mot, files);
      writeHashed(outDir, trcPath, g.trc, files);
      samples.push({ k, parameters, outcomes: g.outcomes });
    }
  } else {
    if (!(mass > 0) || !(stature > 0)) throw new KinetwinError('the cohort model must include stature and mass for physics tasks');
    for (let k = 0; k < K; k++) {
      const parameters = drawSampleParameters(spec, subject, task, k);
      const summary = task === 'drop-landing'
        ? runLandingTask(ammo, { mass, stature, sex, seed: parameters.seed as number, height: parameters.dropHeightM as number, strategy: parameters.strategy as 'soft' | 'stiff', ...COHORT_PHYSICS.landing }, undefined, landingSimulator(ammo))
        : runJumpTask(ammo, { mass, stature, sex, seed: parameters.seed as number, strength: parameters.strength as number, ...COHORT_PHYSICS.jump });
      const outcomes = summaryOutcomes(summary as unknown as Record<string, unknown>);
      const labelPath = samplePath(subject.id, k, K, 'json');
      const motPath = samplePath(subject.id, k, K, 'mot');
      const series = motPath.slice(motPath.lastIndexOf('/') + 1); // the MOT beside the label
      const label = { subject: subject.id, sample: k, task, sex: subject.sex, age: subject.age, anthropometrics: subject.values, conditions: subject.conditions, parameters, outcomes, series };
      writeHashed(outDir, labelPath, json(label), files);
      writeHashed(outDir, motPath, seriesMot(`${task} ${subject.id} sample ${k}`, summary.series), files);
      samples.push({ k, parameters, outcomes });
    }
  }
  return { index, id: subject.id, sex: subject.sex, age: subject.age, values: subject.values, conditions: subject.conditions, samples };
}

let cachedPlan: { key: string; plan: CohortPlan } | null = null;
let cachedLanding: { ammo: AmmoModule; simulator: LandingSimulator } | null = null;

/** One landing simulator (one Bullet world) per Ammo instance, i.e. per worker, reused by every subject. */
function landingSimulator(ammo: AmmoModule): LandingSimulator {
  if (cachedLanding?.ammo !== ammo) {
    cachedLanding?.simulator.destroy();
    cachedLanding = { ammo, simulator: createLandingSimulator(ammo) };
  }
  return cachedLanding.simulator;
}

/** Subjects [start, end) of the job; `onSubject` after each one. */
export function generateChunk(ammo: AmmoModule, job: ChunkJob, start: number, end: number, onSubject?: () => void): ChunkResult {
  const key = JSON.stringify(job.spec) + job.model.femaleFraction;
  if (cachedPlan?.key !== key) cachedPlan = { key, plan: planCohort(job.spec, job.model.femaleFraction) };
  const files: DatasetFile[] = [];
  const subjects: DatasetSubject[] = [];
  for (let i = start; i < end; i++) {
    subjects.push(generateDatasetSubject(ammo, job, cachedPlan.plan, i, files));
    onSubject?.();
  }
  return { subjects, files };
}
