// Area under the ROC curve by the Mann–Whitney U statistic (Hanley & McNeil 1982, Radiology 143:29).
import { averageRanks } from './rank';

/** P(score of a positive > score of a negative), ties counting ½. NaN unless both classes are present. */
export function rocAuc(scores: ArrayLike<number>, positive: ArrayLike<boolean | number>): number {
  const ranks = averageRanks(scores);
  let nPos = 0, nNeg = 0, rankSum = 0;
  for (let i = 0; i < scores.length; i++) {
    if (Number.isNaN(ranks[i])) continue;
    if (positive[i]) {
      nPos++;
      rankSum += ranks[i];
    } else nNeg++;
  }
  if (nPos === 0 || nNeg === 0) return NaN;
  return (rankSum - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

/** AUC of two score samples: P(a > b) + ½ P(a = b). */
export function aucOfSamples(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const scores = new Float64Array(a.length + b.length);
  const labels = new Uint8Array(a.length + b.length);
  for (let i = 0; i < a.length; i++) {
    scores[i] = a[i];
    labels[i] = 1;
  }
  for (let i = 0; i < b.length; i++) scores[a.length + i] = b[i];
  return rocAuc(scores, labels);
}
