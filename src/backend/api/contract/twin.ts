import { z } from 'zod';
import { op } from '../operation';
import { jumpReport } from './jump';

// The subject-specific twin: scaling to a static trial and inverse kinematics (src/backend/services/kinematics.ts).
const vec = z.array(z.number());
const subject = {
  massKg: z.number().positive().max(500),
  sex: z.enum(['male', 'female']),
  markerSet: z.enum(['plug-in-gait', 'opensim-gait']).optional(), // detected from the labels when absent
  kneeWidthM: z.number().positive().max(0.3).optional(),
  ankleWidthM: z.number().positive().max(0.3).optional(),
  elbowWidthM: z.number().positive().max(0.3).optional(),
  hipMethod: z.enum(['harrington', 'bell']).optional(),
};

export const modelDescription = z.object({
  name: z.string(),
  sex: z.string(),
  massKg: z.number(),
  segments: z.array(z.object({
    name: z.string(), parent: z.string().nullable(), joint: z.string(), jointType: z.string(),
    originM: vec, postRotation: vec, distalM: vec, lengthM: z.number(), massKg: z.number(), comM: vec, inertiaKgM2: vec,
    coordinates: z.array(z.string()),
  })),
  coordinates: z.array(z.object({
    name: z.string(), segment: z.string(), kind: z.string(), axis: vec, min: z.number().nullable(), max: z.number().nullable(), unit: z.enum(['deg', 'm']),
  })),
  markers: z.array(z.object({ name: z.string(), segment: z.string(), offsetM: vec })),
});

export const twinOps = {
  twinScale: op({
    summary: 'Scale the full-body model to a static marker trial (TRC/C3D): joint centres, lengths, de Leva inertia, residuals',
    request: z.object({ path: z.string().min(1), ...subject }).strict(),
    response: z.object({
      file: z.string(),
      markerSet: z.string(),
      model: modelDescription,
      residuals: z.array(z.object({ marker: z.string(), errorM: z.number() })),
      jointCentres: z.record(z.string(), vec),
      segmentLengths: z.record(z.string(), z.number()),
      scaleFactors: z.record(z.string(), z.number()),
      warnings: z.array(z.string()),
    }),
  }),
  twinInverseKinematics: op({
    summary: 'Inverse kinematics of a motion trial with the model scaled to a static trial; optionally writes an OpenSim MOT',
    request: z.object({ staticPath: z.string().min(1), motionPath: z.string().min(1), outPath: z.string().min(1).optional(), ...subject }).strict(),
    response: z.object({
      file: z.string(),
      output: z.string().nullable(),
      markerSet: z.string(),
      frames: z.number().int(),
      rate: z.number(),
      coordinateNames: z.array(z.string()),
      meanRmsErrorM: z.number(),
      maxErrorM: z.number(),
      markersUsed: z.array(z.string()),
      markersMissing: z.array(z.string()),
      rangesDeg: z.record(z.string(), z.tuple([z.number(), z.number()])),
      warnings: z.array(z.string()),
    }),
    long: true,
  }),
  twinAnalyzeTrials: op({
    summary: 'Scale the twin to a stored static trial and solve IK on a stored dynamic trial: skeleton per frame, joint angles, marker RMS',
    request: z.object({
      staticTrialId: z.number().int().positive(),
      dynamicTrialId: z.number().int().positive(),
      massKg: z.number().positive().max(500).optional(), // 75 kg assumed (angles do not depend on it)
      sex: z.enum(['male', 'female']).optional(),
      staticFrames: z.tuple([z.number().int().min(0), z.number().int().positive()]).optional(), // [from, to) of the static trial
    }).strict(),
    response: z.object({
      frames: z.number().int(),
      rate: z.number(), // Hz
      startTime: z.number(), // s, time of frame 0
      markerSet: z.string(),
      segments: z.array(z.string()),
      parents: z.array(z.number().int()), // per segment, −1 for the root
      joints: z.string(), // base64 float32, frames × segments × 3, m, the dynamic trial's lab frame: proximal joint centres
      ends: z.string(), // base64 float32, frames × segments × 3, m: distal segment ends
      coordinateNames: z.array(z.string()),
      angles: z.string(), // base64 float32, frames × coordinates, degrees (pelvis translations m), NaN undetermined
      rmsErrorM: z.string(), // base64 float32, frames, m
      meanRmsErrorM: z.number(),
      warnings: z.array(z.string()),
    }),
    long: true,
  }),
  twinJumpTrial: op({
    summary: 'Jump analysis of a stored force-text trial: the jump report and the summed vertical force for plotting',
    request: z.object({ trialId: z.number().int().positive(), rate: z.number().positive().optional() }).strict(),
    response: z.object({
      report: jumpReport,
      force: z.string(), // base64 float32, samples, N: summed vertical force (plate offset removed when zeroed)
      rate: z.number(), // Hz of `force`
    }),
  }),
};
