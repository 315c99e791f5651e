import { contextBridge, ipcRenderer } from 'electron';
import { operationNames } from '../backend/api/contract/index';

// Exposes exactly the API operations (and a progress subscription) as window.kinetwin — never ipcRenderer itself.
type IpcResult = { ok: true; data: unknown } | { ok: false; status: number; error: string };

const api: Record<string, unknown> = {};
for (const name of operationNames) {
  api[name] = async (request: unknown, options?: { jobId?: string }) => {
    const result = (await ipcRenderer.invoke(`kinetwin:${name}`, request ?? {}, options?.jobId)) as IpcResult;
    if (!result.ok) throw new Error(result.error);
    return result.data;
  };
}
api.cancel = async (jobId: string) => {
  const result = (await ipcRenderer.invoke('kinetwin:_cancel', jobId)) as IpcResult;
  return result.ok ? result.data : { cancelled: false };
};
api.onProgress = (listener: (event: unknown) => void) => {
  const wrapped = (_e: unknown, payload: unknown) => listener(payload);
  ipcRenderer.on('kinetwin:progress', wrapped);
  return () => ipcRenderer.removeListener('kinetwin:progress', wrapped);
};

contextBridge.exposeInMainWorld('kinetwin', Object.freeze(api));
