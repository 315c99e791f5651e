// String similarity for fuzzy header matching: optimal string alignment distance (Damerau 1964, restricted
// edit distance: insertions, deletions, substitutions and adjacent transpositions).

let rowA = new Int32Array(64); // scratch rows, grown on demand
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/** Optimal string alignment distance between `a` and `b` (number of edits). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const n = b.length + 1;
  if (rowA.length < n) {
    rowA = new Int32Array(n * 2);
    rowB = new Int32Array(n * 2);
    rowC = new Int32Array(n * 2);
  }
  let prev2 = rowA; // row i-2
  let prev = rowB; // row i-1
  let cur = rowC; // row i
  for (let j = 0; j < n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j < n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        d = Math.min(d, prev2[j - 2] + 1);
      }
      cur[j] = d;
    }
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[n - 1];
}

/** Similarity in [0, 1]: 1 − distance / longer length (1 for two empty strings). */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - editDistance(a, b) / longer;
}

/** Best match of `query` among `candidates` with its similarity, or null when none reaches `threshold`. */
export function bestMatch(
  query: string,
  candidates: readonly string[],
  threshold: number,
): { candidate: string; score: number } | null {
  let best: { candidate: string; score: number } | null = null;
  for (const candidate of candidates) {
    // cheap length bound: similarity can't exceed shorter/longer
    const bound = Math.min(query.length, candidate.length) / Math.max(query.length, candidate.length, 1);
    if (bound < threshold || (best !== null && bound <= best.score)) continue;
    const score = similarity(query, candidate);
    if (score >= threshold && (best === null || score > best.score)) best = { candidate, score };
  }
  return best;
}
