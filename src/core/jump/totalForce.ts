import { KinetwinError } from '../errors';

// Sum of the vertical-force channels (N), validated: rate positive, channels of equal length, at least
// `minSeconds` long. Gaps of non-finite samples up to 10 ms are bridged linearly (a warning each
// channel); longer gaps are an error, since the integration through them would be made up.
export function totalForce(forces: Float64Array[], rate: number, minSeconds: number, warnings: string[]): Float64Array[] {
  if (!Number.isFinite(rate) || rate <= 0) throw new KinetwinError(`sampling rate must be a positive number of Hz, got ${rate}`);
  if (!Array.isArray(forces) || forces.length === 0) throw new KinetwinError('no force channel given');
  const n = forces[0].length;
  for (const f of forces) if (f.length !== n) throw new KinetwinError(`force channels differ in length (${n} vs ${f.length} samples)`);
  if (n < minSeconds * rate || n < 10)
    throw new KinetwinError(`recording too short: ${n} samples at ${rate} Hz, need at least ${minSeconds} s`);
  const maxGap = Math.max(1, Math.round(0.01 * rate));
  const channels = forces.map((f, c) => bridgeGaps(f, maxGap, c, warnings));
  const total = new Float64Array(n);
  for (const f of channels) for (let i = 0; i < n; i++) total[i] += f[i];
  return [total, ...channels];
}

function bridgeGaps(force: Float64Array, maxGap: number, channel: number, warnings: string[]): Float64Array {
  let copy: Float64Array | null = null;
  let bridged = 0;
  const n = force.length;
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(force[i])) continue;
    let end = i;
    while (end < n && !Number.isFinite(force[end])) end++;
    if (end - i > maxGap || i === 0 || end === n)
      throw new KinetwinError(`force channel ${channel + 1} has ${end - i} missing or non-finite samples from sample ${i}`);
    copy ??= Float64Array.from(force);
    const a = force[i - 1];
    const b = force[end];
    for (let k = i; k < end; k++) copy[k] = a + ((b - a) * (k - i + 1)) / (end - i + 1);
    bridged += end - i;
    i = end;
  }
  if (bridged > 0) warnings.push(`force channel ${channel + 1}: ${bridged} non-finite samples bridged linearly`);
  return copy ?? force;
}
