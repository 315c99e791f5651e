// The one API: every operation of every area, merged. Adapters (IPC, bridge, CLI, renderer client) loop over this.
// To add an area: write contract/<area>.ts exporting `<area>Ops`, handlers/<area>.ts exporting `<area>Handlers`,
// and append one spread line here and in handlers/index.ts.
import { importOps, libraryOps } from './library';
import { systemOps } from './system';
import { jumpOps } from './jump';
import { twinOps } from './twin';
import { llmOps } from './llm';
import { assistantOps } from './assistant';
import { syntheticOps } from './synthetic';
import { simulationOps } from './simulation';
import { datasetOps } from './dataset';
import { renderOps } from './render';

export const operations = {
  ...systemOps,
  ...libraryOps,
  ...importOps,
  ...jumpOps,
  ...twinOps,
  ...llmOps,
  ...assistantOps,
  ...syntheticOps,
  ...simulationOps,
  ...datasetOps,
  ...renderOps,
};

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export const operationNames = Object.keys(operations) as OperationName[];
