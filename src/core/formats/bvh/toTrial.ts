// BVH → Trial: every joint (End Sites included) becomes a point, so BVH → TRC works like any marker file.

import type { Trial } from '../../model/trial';
import { newPointData, newTrial } from '../../convert/newTrial';
import { bvhJointPositions } from './kinematics';
import { readBvh, type BvhMotion, type ReadBvhOptions } from './read';

/** Trial whose points are the BVH joints' world positions (metres, BVH frame: Y-up). */
export function bvhToTrial(bvh: BvhMotion): Trial {
  const trial = newTrial('bvh', 'y', [...bvh.warnings]);
  const labels = bvh.joints.map((j) => j.name);
  trial.points = newPointData(labels, bvh.frames, bvh.rate, bvh.originalUnits, bvhJointPositions(bvh), 1);
  trial.points.descriptions = bvh.joints.map((j) => (j.endSite ? 'BVH end site' : j.parent < 0 ? 'BVH root' : 'BVH joint'));
  trial.metadata.extra = {
    startTime: 0,
    frameTime: bvh.frameTime,
    parents: bvh.joints.map((j) => j.parent),
    channels: bvh.joints.map((j) => j.channels.join(' ')),
  };
  return trial;
}

/** Parse BVH text or bytes straight into a Trial. */
export function readBvhTrial(input: string | Uint8Array, options: ReadBvhOptions = {}): Trial {
  return bvhToTrial(readBvh(input, options));
}
