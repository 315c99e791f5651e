// Implementations of every operation in contract/index.ts. Append one spread line per area.
import type { OperationName } from '../contract/index';
import { importHandlers } from './import';
import { libraryHandlers } from './library';
import { systemHandlers } from './system';
import type { Handlers } from './types';
import { jumpHandlers } from './jump';
import { twinHandlers } from './twin';
import { llmHandlers } from './llm';
import { assistantHandlers } from './assistant';
import { syntheticHandlers } from './synthetic';
import { simulationHandlers } from './simulation';
import { datasetHandlers } from './dataset';
import { renderHandlers } from './render';

export const handlers: Handlers<OperationName> = {
  ...systemHandlers,
  ...libraryHandlers,
  ...importHandlers,
  ...jumpHandlers,
  ...twinHandlers,
  ...llmHandlers,
  ...assistantHandlers,
  ...syntheticHandlers,
  ...simulationHandlers,
  ...datasetHandlers,
  ...renderHandlers,
};
