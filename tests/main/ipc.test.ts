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
  it('registers exactly one handler per API operation', () => {
    const { ipc, handlers } = fakeIpc();
    registerIpc(ipc, createContext({ mode: 'electron', dbPath: ':memory:' }));
    expect([...handlers.keys()].sort()).toEqual(operationNames.map(channelFor).sort());
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
});
