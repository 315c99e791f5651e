import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { createContext } from '../../src/backend/api/createContext';
import { operationNames } from '../../src/backend/api/contract/index';
import { channelFor, registerIpc, type IpcMainLike, type IpcResult } from '../../src/main/ipc';

vi.mock('electron', () => ({}));

type Listener = Parameters<IpcMainLike['handle']>[1];

function fakeIpc() {
  const handlers = new Map<string, Listener>();
  const ipc: IpcMainLike = { handle: (channel, listener) => void handlers.set(channel, listener) };
  const invoke = (channel: string, frameUrl: string | undefined, request: unknown) =>
    handlers.get(channel)!({ senderFrame: frameUrl === undefined ? null : { url: frameUrl }, sender: { send: () => undefined } }, request) as Promise<IpcResult>;
  return { ipc, handlers, invoke };
}

describe('IPC adapter', () => {
  it('registers exactly one handler per API operation, plus cancel', () => {
    const { ipc, handlers } = fakeIpc();
    registerIpc(ipc, createContext({ mode: 'electron', dbPath: ':memory:' }));
    expect([...handlers.keys()].sort()).toEqual([...operationNames.map(channelFor), 'kinetwin:_cancel'].sort());
  });

  it('serves the app frame and refuses a foreign or missing sender frame', async () => {
    const { ipc, invoke } = fakeIpc();
    registerIpc(ipc, createContext({ mode: 'electron', dbPath: ':memory:' }));
    const ok = await invoke('kinetwin:health', 'app://kinetwin/index.html', {});
    expect(ok).toMatchObject({ ok: true, data: { ok: true } });
    expect(await invoke('kinetwin:health', 'https://evil.example/', {})).toEqual({ ok: false, status: 403, error: 'refused: IPC from an untrusted frame' });
    expect(await invoke('kinetwin:health', undefined, {})).toMatchObject({ ok: false, status: 403 });
  });

  it('returns validation failures as a 400 result instead of throwing across IPC', async () => {
    const { ipc, invoke } = fakeIpc();
    registerIpc(ipc, createContext({ mode: 'electron', dbPath: ':memory:' }));
    const res = await invoke('kinetwin:auditLog', 'app://kinetwin/index.html', { limit: -1 });
    expect(res).toMatchObject({ ok: false, status: 400 });
  });

  it('cancel aborts the call with that job id (its signal reaches the backend), and only from the app frame', async () => {
    // a loopback "Ollama" that accepts the connection and never answers: systemInfo waits on it until aborted
    const hang = createServer(() => undefined);
    await new Promise<void>((r) => hang.listen(0, '127.0.0.1', () => r()));
    const port = (hang.address() as AddressInfo).port;
    const before = process.env.OLLAMA_HOST;
    process.env.OLLAMA_HOST = `http://127.0.0.1:${port}`;
    try {
      const { ipc, handlers } = fakeIpc();
      registerIpc(ipc, createContext({ mode: 'electron', dbPath: ':memory:' }));
      const app = { senderFrame: { url: 'app://kinetwin/index.html' }, sender: { send: () => undefined } };
      expect(await handlers.get('kinetwin:_cancel')!({ ...app, senderFrame: { url: 'https://evil.example/' } }, 'job-1')).toMatchObject({ ok: false, status: 403 });
      const t0 = performance.now();
      const pending = handlers.get('kinetwin:systemInfo')!(app, {}, 'job-1');
      await new Promise((r) => setTimeout(r, 100));
      expect(await handlers.get('kinetwin:_cancel')!(app, 'job-1')).toEqual({ ok: true, data: { cancelled: true } });
      const res = (await pending) as { ok: true; data: { ollama: { reachable: boolean; error: string } } };
      expect(performance.now() - t0).toBeLessThan(700); // the probe's own timeout is 800 ms
      expect(res.data.ollama).toMatchObject({ reachable: false, error: 'AbortError' });
      expect(await handlers.get('kinetwin:_cancel')!(app, 'job-1')).toEqual({ ok: true, data: { cancelled: false } });
    } finally {
      if (before === undefined) delete process.env.OLLAMA_HOST;
      else process.env.OLLAMA_HOST = before;
      hang.closeAllConnections();
      hang.close();
    }
  });
});
