// Jump and landing analysis from vertical force plates.
export { analyzeJump } from './analyzeJump';
export { jumpCurves, type JumpCurves } from './jumpCurves';
export { quietWindow } from './quietWindow';
export { comKinematics, type ComKinematics } from './comKinematics';
export { sidePair, jumpAsymmetry, ASYMMETRY_FORMULA } from './asymmetry';
export { stableWindow, type StableWindow } from './stableWindow';
export { findOnset } from './onset';
export * from './types';
