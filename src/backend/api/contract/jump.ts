import { z } from 'zod';
import { op } from '../operation';

// Jump and landing analysis of a force-plate text file (see src/core/jump/types.ts for every field's units).
const jumpType = z.enum(['cmj', 'sj', 'dj']);
const phaseName = z.enum(['weighing', 'drop', 'unweighting', 'braking', 'propulsion', 'flight', 'landing']);
const sidePair = z.object({ left: z.number(), right: z.number(), asymmetryPct: z.number(), larger: z.enum(['left', 'right', 'equal']) });
const nullableNumber = z.number().nullable();

export const jumpReport = z.object({
  file: z.string(),
  plates: z.array(z.string()),
  rateAssumed: z.boolean(),
  type: jumpType,
  typeDetected: z.boolean(),
  rate: z.number(),
  samples: z.number().int(),
  bodyWeightN: z.number(),
  bodyMassKg: z.number(),
  weighingSdN: z.number(),
  plateOffsetN: z.number(),
  plateZeroed: z.boolean(),
  jumpHeight: z.number(),
  jumpHeightMethod: z.enum(['takeoff-velocity', 'drop-height', 'landing-velocity']),
  jumpHeightFlight: nullableNumber,
  flightTime: nullableNumber,
  takeoffVelocity: z.number(),
  contactTime: nullableNumber,
  rsi: nullableNumber,
  rsiModified: z.number(),
  timeToTakeoff: z.number(),
  peakForceN: z.number(),
  peakPowerW: z.number(),
  landingPeakForceN: nullableNumber,
  peakNegativeVelocity: nullableNumber,
  countermovementDepth: nullableNumber,
  touchdownVelocity: nullableNumber,
  dropHeightEstimate: nullableNumber,
  thresholds: z.object({ takeoffN: z.number(), onsetN: nullableNumber }),
  events: z.object({
    weighingStart: nullableNumber,
    weighingEnd: nullableNumber,
    onset: nullableNumber,
    contact: nullableNumber,
    peakNegativeVelocity: nullableNumber,
    lowestPosition: nullableNumber,
    takeoff: z.number(),
    landing: nullableNumber,
    landingEnd: nullableNumber,
  }),
  phases: z.array(z.object({ name: phaseName, start: z.number(), end: z.number(), meanForceN: z.number(), netImpulseNs: z.number() })),
  asymmetry: z
    .object({
      formula: z.string(),
      weighingSharePct: z.object({ left: z.number(), right: z.number() }),
      phases: z.array(z.object({ phase: phaseName, impulse: sidePair, peakForce: sidePair })),
      peakForce: sidePair,
      landingPeakForce: sidePair.nullable(),
    })
    .nullable(),
  warnings: z.array(z.string()),
});

export const jumpOps = {
  analyzeJump: op({
    summary: 'Jump height, RSI, forces, power, phases and left/right asymmetry from a vertical-force text file',
    request: z
      .object({
        path: z.string().min(1),
        rate: z.number().positive().optional(), // Hz; default 1000 (not stored in the files)
        type: jumpType.optional(),
        dropHeight: z.number().min(0).optional(), // m
        bodyMassKg: z.number().positive().optional(),
        takeoffThresholdN: z.number().positive().optional(),
        zeroPlate: z.boolean().optional(),
      })
      .strict(),
    response: jumpReport,
  }),
};
