// A walker's static trial, as a lab records one before walking (OpenSim scaling averages its frames): the model's
// neutral standing pose; with a leg-length discrepancy the pelvis drops to the short side by atan(Δ / hip width)
// and the hips ab/adduct so both feet stand on the floor. The lowest foot marker sits at its neutral height, the
// reference the walking trials use too.
import { createKinematicsData, forwardKinematics, markerPositions } from '../twin/forwardKinematics';
import type { MarkerSet } from '../twin/markerSets';
import type { GaitBody } from './gait-body';

export const GAIT_STATIC_FRAMES = 50; // 0.5 s at the gait rate

/** Static marker frames (frames × markers × 3, m, lab Y up, facing +X) and the standing coordinates. */
export function gaitStatic(body: GaitBody, set: MarkerSet, frames = GAIT_STATIC_FRAMES): { markers: Float32Array; pose: Float64Array } {
  const { model } = body;
  const ci = (name: string) => model.coordinates.findIndex((c) => c.name === name);
  const pose = Float64Array.from(body.pose);
  const d = createKinematicsData(model);
  const feet = set.markers.filter((m) => m.landmark && /^(HEEL|TOE)_[RL]$/.test(m.landmark)).map((m) => model.markers.findIndex((x) => x.name === m.name)).filter((i) => i >= 0);
  const lowest = () => {
    forwardKinematics(model, pose, d);
    markerPositions(model, d);
    return Math.min(...feet.map((m) => d.markers[m * 3 + 1]));
  };
  const standing = lowest();
  if (body.shortSide && body.discrepancyM > 0) {
    const phi = (body.shortSide === 'r' ? 1 : -1) * Math.atan(body.discrepancyM / body.hipWidthM); // +list: right side down
    pose[ci('pelvis_list')] += phi;
    pose[ci('hip_adduction_r')] -= phi;
    pose[ci('hip_adduction_l')] += phi;
    pose[ci('pelvis_ty')] += standing - lowest();
    lowest();
  }
  const nm = model.markers.length;
  const markers = new Float32Array(frames * nm * 3);
  for (let f = 0; f < frames; f++) markers.set(d.markers, f * nm * 3);
  return { markers, pose };
}
