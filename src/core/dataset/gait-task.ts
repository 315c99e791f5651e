// The `gait` cohort task per subject and sample: the walker's model and static trial (once per subject) and each
// sample's files — label outcomes and events, joint angles (MOT) and markers (TRC) — from the shared template.
import type { CohortSubject } from '../cohort/generate';
import { writeTrc } from '../formats/trc/write';
import { OPENSIM_GAIT, type MarkerSet } from '../twin/markerSets';
import { gaitBody, type GaitBody } from './gait-body';
import { gaitMot, gaitTrc, gaitTrial } from './gait-files';
import { gaitStatic } from './gait-static';
import { gaitDiscrepancy, GAIT_RATE_HZ } from './gait-params';
import { synthesizeGait, type GaitEvent } from './gait-synth';
import type { GaitTemplate } from './gait-template';

// The template walk's own marker set (OpenSim gait10dof18musc): synthetic trials can be fed to the same pipeline.
export const GAIT_MARKER_SET: MarkerSet = OPENSIM_GAIT;

/** The subject's model: ANSUR-sized legs, its leg-length discrepancy if it has one. */
export function gaitSubjectBody(subject: Pick<CohortSubject, 'values' | 'sex' | 'conditions'>): GaitBody {
  const lld = gaitDiscrepancy(subject);
  return gaitBody({ values: subject.values, sex: subject.sex, markerSet: GAIT_MARKER_SET, discrepancyM: lld?.metres, shortSide: lld?.side });
}

export interface GaitSampleFiles {
  outcomes: Record<string, number>;
  events: GaitEvent[];
  frames: number;
  mot: string;
  trc: string;
}

/** One sample: synthesis from the drawn `parameters`, then its MOT and TRC text. */
export function runGaitSample(template: GaitTemplate, body: GaitBody, parameters: Record<string, number | string | boolean>, title: string, trcName: string): GaitSampleFiles {
  const s = synthesizeGait(template, body, GAIT_MARKER_SET, parameters);
  return { outcomes: s.outcomes, events: s.events, frames: s.frames, mot: gaitMot(body.model, s, title), trc: gaitTrc(body.model, s, trcName) };
}

/** The subject's static trial as TRC text (scale a model to it, then run IK on the walks). */
export function gaitStaticTrc(body: GaitBody, fileName: string): string {
  const { markers } = gaitStatic(body, GAIT_MARKER_SET);
  const frames = markers.length / (body.model.markers.length * 3);
  const trial = gaitTrial(body.model, { frames, rate: GAIT_RATE_HZ, time: new Float64Array(frames), coordinates: new Float64Array(0), markers, events: [], outcomes: {} });
  return writeTrc(trial, { fileName, units: 'mm' });
}
