// Drop-landing cost per subject at cohort settings (COHORT_PHYSICS): a fresh world per subject vs one reused world
// (createLandingSimulator), each with the articulated (15-segment) and the lumped (8-segment) upper body.
// Run: npm run bench:landing -- [--subjects N]. One JSON line per variant, then a check that fresh and reused worlds
// give identical peaks, then the lumped − articulated differences of the peaks over the same subjects.
import { loadAmmo } from '../src/backend/services/ammo';
import { COHORT_PHYSICS } from '../src/core/dataset/sample';
import { createLandingSimulator, simulateLanding, type LandingOptions, type LandingResult } from '../src/core/physics/body/landing';
import type { UpperBody } from '../src/core/physics/body/lumpedBody';

const args = process.argv.slice(2);
const i = args.indexOf('--subjects');
const n = i >= 0 ? Number(args[i + 1]) : 200;
const ammo = await loadAmmo();

/** Subject k of a fixed spread of bodies, heights and strategies (10 % stiff). */
function subject(k: number, upperBody: UpperBody): LandingOptions {
  const u = (x: number): number => ((Math.sin(k * 12.9898 + x * 78.233) * 43758.5453) % 1 + 1) % 1;
  const sex = u(1) < 0.5 ? 'f' : 'm';
  const stature = sex === 'f' ? 1.52 + 0.2 * u(2) : 1.62 + 0.28 * u(2);
  return { mass: 22 * stature * stature * (0.85 + 0.35 * u(3)), stature, sex, height: 0.2 + 0.4 * u(4), strategy: u(5) < 0.1 ? 'stiff' : 'soft', seed: k + 1, dt: COHORT_PHYSICS.landing.dt, duration: COHORT_PHYSICS.landing.duration, upperBody };
}

function timed(label: string, upperBody: UpperBody, run: (o: LandingOptions) => LandingResult): LandingResult[] {
  const out: LandingResult[] = [];
  const t0 = performance.now();
  for (let k = 0; k < n; k++) out.push(run(subject(k, upperBody)));
  const ms = performance.now() - t0;
  const steps = out.reduce((s, r) => s + r.time.length, 0);
  console.log(JSON.stringify({ bench: 'landing', variant: label, upperBody, subjects: n, msPerSubject: +(ms / n).toFixed(2), recordedStepsPerSubject: Math.round(steps / n), dt: COHORT_PHYSICS.landing.dt }));
  return out;
}

const fresh = timed('fresh world', 'articulated', (o) => simulateLanding(ammo, o));
const sim = createLandingSimulator(ammo);
const reused = timed('reused world', 'articulated', (o) => sim.run(o));
const lumped = timed('reused world', 'lumped', (o) => sim.run(o));
sim.destroy();
const same = (a: LandingResult[], b: LandingResult[]): boolean => a.every((r, k) => r.peakVerticalGrfBw === b[k].peakVerticalGrfBw && r.kneeFlexionPeakDeg === b[k].kneeFlexionPeakDeg && r.hipFlexionPeakDeg === b[k].hipFlexionPeakDeg);
console.log(JSON.stringify({ bench: 'landing', check: 'peaks', reusedSameAsFresh: same(fresh, reused) }));

/** Mean, mean |·| and max |·| of lumped − articulated for one outcome (relative in % when `pct`). */
function diff(get: (r: LandingResult) => number, pct: boolean): { mean: number; meanAbs: number; maxAbs: number } {
  const d = reused.map((a, k) => (pct ? (get(lumped[k]) / get(a) - 1) * 100 : get(lumped[k]) - get(a)));
  const r3 = (x: number): number => Math.round(x * 1000) / 1000;
  return { mean: r3(d.reduce((s, x) => s + x, 0) / n), meanAbs: r3(d.reduce((s, x) => s + Math.abs(x), 0) / n), maxAbs: r3(Math.max(...d.map(Math.abs))) };
}
console.log(JSON.stringify({ bench: 'landing', check: 'lumped-vs-articulated', subjects: n, peakGrfPct: diff((r) => r.peakVerticalGrfBw, true), kneePeakDeg: diff((r) => r.kneeFlexionPeakDeg, false), hipPeakDeg: diff((r) => r.hipFlexionPeakDeg, false), fellArticulated: reused.filter((r) => r.fellAtS !== null).length, fellLumped: lumped.filter((r) => r.fellAtS !== null).length }));
