// Implementations of every operation in contract/index.ts. Append one spread line per area.
import type { OperationName } from '../contract/index';
import { libraryHandlers } from './library';
import { systemHandlers } from './system';
import type { Handlers } from './types';

export const handlers: Handlers<OperationName> = {
  ...systemHandlers,
  ...libraryHandlers,
};
