import type { z } from 'zod';
import type { OperationName, Operations } from './contract/index';

/** What a caller sends (before defaults are applied). */
export type RequestOf<N extends OperationName> = z.input<Operations[N]['request']>;
/** What a handler receives (after validation and defaults). */
export type ParsedRequestOf<N extends OperationName> = z.output<Operations[N]['request']>;
/** What a caller receives. */
export type ResponseOf<N extends OperationName> = z.output<Operations[N]['response']>;

/** The API as a typed object: `api.listTrials({})`. The renderer's client and preload implement this shape. */
export type KinetwinApi = { [N in OperationName]: (request: RequestOf<N>) => Promise<ResponseOf<N>> };
