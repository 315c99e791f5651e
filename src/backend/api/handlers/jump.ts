import { analyzeJumpFile } from '../../services/jump';
import type { Handlers } from './types';

export const jumpHandlers: Handlers<'analyzeJump'> = {
  analyzeJump: async (req) => {
    const { path, ...options } = req;
    return analyzeJumpFile(path, options);
  },
};
