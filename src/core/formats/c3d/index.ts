// Public C3D API.
export { readC3d, type ReadC3dOptions } from './read';
export { writeC3d, c3dEncoder, type C3dEncoder } from './write';
