import type { z } from 'zod';

// One API operation: a name, a zod request schema and a zod response schema. Declared once and served by the
// Electron IPC adapter, the loopback bridge and the CLI alike (VS Code's "typed service → channel" idea).
export interface Operation<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  summary: string;
  request: Req;
  response: Res;
  /** Long work reports progress events and can be cancelled. */
  long?: boolean;
}

export function op<Req extends z.ZodType, Res extends z.ZodType>(o: Operation<Req, Res>): Operation<Req, Res> {
  return o;
}

export interface ProgressEvent {
  operation: string;
  jobId: string;
  phase: string;
  done: number;
  total: number;
  message?: string;
}
