import type { ApiContext } from '../backend/api/context';
import { operationNames } from '../backend/api/contract/index';
import { ApiError, callOperation } from '../backend/api/dispatch';
import { isTrustedSenderUrl } from './security';

// One ipcMain.handle per API operation; every call checks its sender frame before touching the backend.
export const channelFor = (name: string) => `kinetwin:${name}`;
export const PROGRESS_CHANNEL = 'kinetwin:progress';

export type IpcResult = { ok: true; data: unknown } | { ok: false; status: number; error: string };

export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame?: { url: string } | null; sender: { send(channel: string, ...args: unknown[]): void } }, ...args: unknown[]) => Promise<IpcResult>): void;
}

export const CANCEL_CHANNEL = 'kinetwin:_cancel';
const JOB_ID = /^[\w-]{1,64}$/;

export function registerIpc(ipcMain: IpcMainLike, context: ApiContext, devServerUrl?: string): void {
  const jobs = new Map<string, AbortController>();
  for (const name of operationNames) {
    ipcMain.handle(channelFor(name), async (event, request, jobArg) => {
      if (!isTrustedSenderUrl(event.senderFrame?.url, devServerUrl)) {
        return { ok: false, status: 403, error: 'refused: IPC from an untrusted frame' };
      }
      const jobId = typeof jobArg === 'string' && JOB_ID.test(jobArg) ? jobArg : '';
      const controller = new AbortController();
      if (jobId) jobs.set(jobId, controller);
      const ctx: ApiContext = {
        ...context,
        signal: controller.signal,
        progress: (e) => event.sender.send(PROGRESS_CHANNEL, { operation: name, jobId, ...e }),
      };
      try {
        return { ok: true, data: await callOperation(name, request, ctx) };
      } catch (err) {
        if (err instanceof ApiError) return { ok: false, status: err.status, error: err.message };
        return { ok: false, status: 500, error: `internal error: ${(err as Error).message}` };
      } finally {
        if (jobId) jobs.delete(jobId);
      }
    });
  }
  ipcMain.handle(CANCEL_CHANNEL, async (event, jobArg) => {
    if (!isTrustedSenderUrl(event.senderFrame?.url, devServerUrl)) return { ok: false, status: 403, error: 'refused: IPC from an untrusted frame' };
    const job = typeof jobArg === 'string' ? jobs.get(jobArg) : undefined;
    job?.abort();
    return { ok: true, data: { cancelled: Boolean(job) } };
  });
}
