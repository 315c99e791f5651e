import { beforeEach, describe, expect, it, vi } from 'vitest';
import { operationNames } from '../../src/backend/api/contract/index';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (channel: string, request: unknown) => ({ ok: true, data: { channel, request } }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void (exposed[key] = value) },
  ipcRenderer: { invoke, on: vi.fn(), removeListener: vi.fn() },
}));

describe('preload', () => {
  beforeEach(async () => {
    await import('../../src/preload/index');
  });

  it('exposes window.kinetwin with exactly the API operations plus onProgress and cancel, and never ipcRenderer', () => {
    const api = exposed.kinetwin as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...operationNames, 'onProgress', 'cancel'].sort());
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true);
    expect(JSON.stringify(Object.keys(exposed))).toBe('["kinetwin"]');
  });

  it('each operation invokes its own channel and unwraps errors', async () => {
    const api = exposed.kinetwin as Record<string, (r: unknown) => Promise<unknown>>;
    await expect(api.health!({})).resolves.toEqual({ channel: 'kinetwin:health', request: {} });
    expect(invoke).toHaveBeenLastCalledWith('kinetwin:health', {}, undefined);
    invoke.mockResolvedValueOnce({ ok: false, status: 400, error: 'invalid auditLog request: limit: too small' } as never);
    await expect(api.auditLog!({ limit: 0 })).rejects.toThrow('invalid auditLog request: limit: too small');
  });
});
