import { z } from 'zod';
import { KinetwinError } from '../../core/errors';
import { operations, type OperationName } from './contract/index';
import type { ApiContext } from './context';
import { handlers } from './handlers/index';

// The single entry every adapter calls: validates the request, runs the handler, validates the response.
export class ApiError extends Error {
  constructor(readonly status: 400 | 404 | 422 | 500, message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(operations, name);
}

export function formatZodError(error: z.ZodError): string {
  return error.issues
    .map((i) => `${i.path.length ? i.path.join('.') : 'request'}: ${i.message}`)
    .join('; ');
}

export async function callOperation(name: string, input: unknown, ctx: ApiContext): Promise<unknown> {
  if (!isOperationName(name)) throw new ApiError(404, `unknown operation: ${name}`);
  const operation = operations[name];
  const parsed = operation.request.safeParse(input ?? {});
  if (!parsed.success) throw new ApiError(400, `invalid ${name} request: ${formatZodError(parsed.error)}`);
  let result: unknown;
  try {
    result = await (handlers[name] as (r: unknown, c: ApiContext) => Promise<unknown>)(parsed.data, ctx);
  } catch (err) {
    if (err instanceof KinetwinError) throw new ApiError(422, `${err.file ? err.file + ': ' : ''}${err.message}`);
    throw err;
  }
  const checked = operation.response.safeParse(result);
  if (!checked.success) throw new ApiError(500, `${name} produced an invalid response: ${formatZodError(checked.error)}`);
  return checked.data;
}
