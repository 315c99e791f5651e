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

export function registerIpc(ipcMain: IpcMainLike, context: ApiContext, devServerUrl?: string): void {
  for (const name of operationNames) {
    ipcMain.handle(channelFor(name), async (event, request) => {
      if (!isTrustedSenderUrl(event.senderFrame?.url, devServerUrl)) {
        return { ok: false, status: 403, error: 'refused: IPC from an untrusted frame' };
      }
      const ctx: ApiContext = {
        ...context,
        progress: (e) => event.sender.send(PROGRESS_CHANNEL, { operation: name, jobId: '', ...e }),
      };
      try {
        return { ok: true, data: await callOperation(name, request, ctx) };
      } catch (err) {
        if (err instanceof ApiError) return { ok: false, status: err.status, error: err.message };
        return { ok: false, status: 500, error: `internal error: ${(err as Error).message}` };
      }
    });
  }
}
