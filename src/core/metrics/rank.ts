// Ranks with ties averaged (1-based), the basis of Spearman correlation, normal scores and Mann–Whitney AUC.

/** Average ranks (1..n, ties get their mean rank) of finite values; NaN entries get rank NaN. */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (!Number.isNaN(values[i])) order.push(i);
  order.sort((a, b) => values[a] - values[b]);
  const ranks = new Float64Array(n).fill(NaN);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1]] === values[order[i]]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]] = r;
    i = j + 1;
  }
  return ranks;
}
