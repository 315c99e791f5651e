// sampleSubject: draw one subject from a fitted Gaussian copula using a caller-supplied random stream.
import { KinetwinError } from '../errors';
import { normalCdf } from '../metrics/normal';
import type { RandomStream } from '../random/stream';
import type { CohortModel, SampledSubject, Sex } from './model';

/** Inverse of a quantile table at probability u ∈ [0, 1] (linear between knots). */
export function interpolateQuantile(q: Float64Array, u: number): number {
  const pos = Math.min(1, Math.max(0, u)) * (q.length - 1);
  const lo = Math.floor(pos);
  if (lo >= q.length - 1) return q[q.length - 1];
  return q[lo] + (q[lo + 1] - q[lo]) * (pos - lo);
}

export interface SampleOptions {
  sex?: Sex; // default: female with probability model.femaleFraction
  ageRange?: [number, number]; // years, inclusive; rejection-sampled
  maxAttempts?: number; // default 10000
}

/** Draw one subject: z = L·ε (ε ~ N(0, I)), u = Φ(z), x_j = Q_j(u_j). */
export function sampleSubject(model: CohortModel, rng: RandomStream, options: SampleOptions = {}): SampledSubject {
  const sex: Sex = options.sex ?? (rng.nextDouble() < model.femaleFraction ? 'female' : 'male');
  const group = model.groups[sex];
  const d = model.variables.length;
  const eps = new Float64Array(d);
  const [ageMin, ageMax] = options.ageRange ?? [-Infinity, Infinity];
  if (ageMin > group.quantiles[0][group.quantiles[0].length - 1] || ageMax < group.quantiles[0][0]) {
    throw new KinetwinError(`age range ${ageMin}–${ageMax} lies outside the ${sex} training ages`);
  }
  const maxAttempts = options.maxAttempts ?? 10_000;
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    for (let j = 0; j < d; j++) eps[j] = rng.nextNormal();
    const values: Record<string, number> = {};
    let age = NaN;
    for (let j = 0; j < d; j++) {
      let z = 0;
      for (let k = 0; k <= j; k++) z += group.cholesky[j * d + k] * eps[k];
      const x = interpolateQuantile(group.quantiles[j], normalCdf(z));
      if (j === 0) {
        age = x;
        if (age < ageMin || age > ageMax) break;
      } else {
        values[model.variables[j].name] = x;
      }
    }
    if (age >= ageMin && age <= ageMax) return { sex, age, values };
  }
  throw new KinetwinError(`could not sample an age within ${ageMin}–${ageMax} in ${maxAttempts} attempts`);
}
