import { contextBridge, ipcRenderer } from 'electron';
import { operationNames } from '../backend/api/contract/index';

// Exposes exactly the API operations (and a progress subscription) as window.kinetwin — never ipcRenderer itself.
type IpcResult = { ok: true; data: unknown } | { ok: false; status: number; error: string };

const api: Record<string, unknown> = {};
for (const name of operationNames) {
  api[name] = async (request: unknown) => {
    const result = (await ipcRenderer.invoke(`kinetwin:${name}`, request ?? {})) as IpcResult;
    if (!result.ok) throw new Error(result.error);
    return result.data;
  };
}
api.onProgress = (listener: (event: unknown) => void) => {
  const wrapped = (_e: unknown, payload: unknown) => listener(payload);
  ipcRenderer.on('kinetwin:progress', wrapped);
  return () => ipcRenderer.removeListener('kinetwin:progress', wrapped);
};

contextBridge.exposeInMainWorld('kinetwin', Object.freeze(api));
