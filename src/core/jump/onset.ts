// Movement onset (Owen et al. 2014, J Strength Cond Res 28(6):1552–8; McMahon et al. 2018): the first
// sample after the weighing window whose force departs from body weight by more than `threshold`
// (5 SD of the weighing force), walked back to the last crossing of body weight, i.e. the first sample
// of that excursion on the same side of BW. The walk back follows `walkBack` (e.g. a low-passed copy of
// the force, so that noise crossing BW does not stop it early). Returns the index, or −1.
export function findOnset(
  force: Float64Array, // N
  bodyWeight: number, // N
  threshold: number, // N, > 0
  from: number, // first index searched (end of the weighing window)
  to: number, // exclusive (take-off)
  walkBack: Float64Array = force, // N, same length as force
): number {
  let hit = -1;
  for (let i = from; i < to; i++) {
    if (Math.abs(force[i] - bodyWeight) > threshold) {
      hit = i;
      break;
    }
  }
  if (hit < 0) return -1;
  const side = Math.sign(force[hit] - bodyWeight);
  let j = hit;
  while (j > from && Math.sign(walkBack[j - 1] - bodyWeight) === side) j--;
  return j;
}
