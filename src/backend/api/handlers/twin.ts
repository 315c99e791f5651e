import { inverseKinematicsFile, scaleSubjectFile } from '../../services/kinematics';
import type { Handlers } from './types';

export const twinHandlers: Handlers<'twinScale' | 'twinInverseKinematics'> = {
  twinScale: async (req) => {
    const { path, ...options } = req;
    return scaleSubjectFile(path, options);
  },
  twinInverseKinematics: async (req) => {
    const { staticPath, motionPath, ...options } = req;
    return inverseKinematicsFile(staticPath, motionPath, options);
  },
};
