// Stature for the physics body from a scaled twin: the de Leva-proportioned body whose thigh + shank length
// equals the twin's mean leg length (so the physics legs reach the ground the twin's legs reach).
import { KinetwinError } from '../../errors.js';
import type { BodyModel as TwinModel } from '../../twin/model.js';
import type { Sex } from '../body/bodyModel.js';
import { DE_LEVA, REFERENCE_HEIGHT } from '../../twin/deLeva.js';

/** Stature (m) of a de Leva body with the twin's mean (thigh + shank) length; throws when the twin lacks legs. */
export function statureFromTwin(twin: TwinModel, sex: Sex): number {
  let sum = 0;
  for (const side of ['r', 'l']) {
    for (const seg of ['thigh', 'shank']) {
      const s = twin.segments.find((x) => x.name === `${seg}_${side}`);
      if (!s) throw new KinetwinError(`twin model has no segment ${seg}_${side}`);
      sum += s.length;
    }
  }
  const leg = sum / 2; // m, hip → ankle
  const table = sex === 'm' ? 'male' : 'female';
  const reference = DE_LEVA[table].thigh.lengthM + DE_LEVA[table].shank.lengthM; // m at REFERENCE_HEIGHT
  return (leg / reference) * REFERENCE_HEIGHT[table];
}
