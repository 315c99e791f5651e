import { z } from 'zod';
import { op } from '../operation';

// Physics simulations for the Simulation workspace (run in a worker thread, progress streamed).
export const simulationOps = {
  simulateLanding: op({
    summary: 'Drop landing of the physics twin (Ammo): vertical GRF, joint angles, peak loads',
    long: true,
    request: z.object({
      massKg: z.number().gt(0).max(400),
      statureM: z.number().min(0.5).max(2.5),
      sex: z.enum(['f', 'm']).default('m'),
      heightM: z.number().min(0).max(2),
      strategy: z.enum(['soft', 'stiff']).default('soft'),
    }).strict(),
    response: z.object({
      peakVerticalGrfBw: z.number(),
      timeToPeakS: z.number(),
      kneeFlexionPeakDeg: z.number(),
      hipFlexionPeakDeg: z.number(),
      penetrationMaxM: z.number(),
      jointLimitViolationMaxDeg: z.number(),
      fellAtS: z.number().nullable(),
      sampleRate: z.number(),
      series: z.record(z.string(), z.array(z.number().nullable())),
    }),
  }),
  simulateHandSamples: op({
    summary: 'A few hand poses of a configurable anatomy, with keypoints (metres, hand frame) and limit checks',
    long: true,
    request: z.object({
      samples: z.number().int().min(1).max(64).default(12),
      seed: z.number().int().min(0).default(1),
      handLengthM: z.number().min(0.1).max(0.3).default(0.19),
      absent: z.array(z.number().int().min(1).max(6)).max(5).default([]),
      fused: z.array(z.tuple([z.number().int().min(1).max(5), z.number().int().min(1).max(5)])).max(3).default([]),
      extra: z.boolean().default(false),
      mode: z.enum(['uniform', 'functional']).default('functional'),
      grasp: z.enum(['cylinder', 'sphere']).optional(), // close the digits on a primitive resting on the palm
      objectRadiusM: z.number().min(0.005).max(0.1).optional(), // default: drawn per sample
      objectLengthM: z.number().min(0.02).max(1).optional(), // cylinder only; default: drawn per sample
    }).strict(),
    response: z.object({
      keypointNames: z.array(z.string()),
      maxLimitViolationDeg: z.number(),
      collisionFree: z.number().int(),
      samples: z.array(z.object({
        index: z.number().int(), limitViolationDeg: z.number(), keypoints: z.array(z.array(z.number()).nullable()),
        grasp: z.object({
          object: z.object({
            type: z.enum(['cylinder', 'sphere']), radiusM: z.number(), lengthM: z.number().optional(),
            pose: z.object({ positionM: z.array(z.number()).length(3), rotation: z.array(z.number()).length(9) }), // row-major, object → hand; X = cylinder axis
          }),
          contacts: z.array(z.object({ digit: z.number().int(), segment: z.string(), point: z.array(z.number()).length(3), normal: z.array(z.number()).length(3), depthM: z.number() })),
          digitsInContact: z.array(z.number().int()),
          maxPenetrationM: z.number(),
        }).optional(),
      })),
    }),
  }),
};
