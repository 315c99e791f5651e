// SDMetrics' CorrelationSimilarity = 1 − |ρ_real − ρ_syn| / 2 (REFERENCE.md §6).
import { pearson } from './correlation';

/** Similarity of two correlation coefficients in [−1, 1]; NaN if either is NaN. */
export function correlationSimilarityOf(rhoReal: number, rhoSynthetic: number): number {
  return 1 - Math.abs(rhoReal - rhoSynthetic) / 2;
}

/** Correlation similarity of the pair (x, y) in the real data against the same pair in the synthetic data. */
export function correlationSimilarity(realX: ArrayLike<number>, realY: ArrayLike<number>, synX: ArrayLike<number>, synY: ArrayLike<number>): number {
  return correlationSimilarityOf(pearson(realX, realY), pearson(synX, synY));
}
