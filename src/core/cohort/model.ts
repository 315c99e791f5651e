// The fitted cohort model: a per-sex Gaussian copula (Nelsen 2006, "An Introduction to Copulas", §5.3) over
// age and anthropometric variables. Each variable keeps its empirical marginal as a quantile table; the joint
// dependence is the correlation of normal scores, stored with its Cholesky factor.

export type Sex = 'female' | 'male';

export interface CohortVariable {
  name: string; // 'age' first, then anthropometric variables
  unit: string; // 'years', 'm', 'kg'
  column: string; // source table column
}

export interface CohortGroup {
  sex: Sex;
  count: number; // training rows used
  quantiles: Float64Array[]; // per variable: quantileCount knots at probabilities k/(quantileCount−1), SI units
  correlation: Float64Array; // variables × variables, row-major, normal-score (van der Waerden) correlation
  cholesky: Float64Array; // variables × variables, lower triangular, correlation = L·Lᵀ
}

export interface CohortModel {
  kind: 'gaussian-copula';
  source: string; // e.g. 'ansur2'
  variables: CohortVariable[];
  femaleFraction: number; // share of female rows in the training table
  quantileCount: number;
  groups: Record<Sex, CohortGroup>;
  warnings: string[];
}

/** One sampled subject: sex, age in years, anthropometrics in SI keyed by variable name. */
export interface SampledSubject {
  sex: Sex;
  age: number; // years
  values: Record<string, number>; // variable name → SI value
}
