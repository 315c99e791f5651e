import type { ApiContext } from '../context';
import type { OperationName } from '../contract/index';
import type { ParsedRequestOf, ResponseOf } from '../types';

export type Handler<N extends OperationName> = (request: ParsedRequestOf<N>, ctx: ApiContext) => Promise<ResponseOf<N>>;
export type Handlers<N extends OperationName> = { [K in N]: Handler<K> };
