import type { OperationName } from '../../../backend/api/contract/index';
import type { ProgressEvent } from '../../../backend/api/operation';
import type { KinetwinApi, RequestOf, ResponseOf } from '../../../backend/api/types';

// The renderer's one way to the backend: Electron's preload (window.kinetwin) when present, else the loopback
// bridge of `kinetwin serve` (token from the URL fragment, kept in sessionStorage, never sent as a URL).
/** A progress event as the backend emits it (operation, job id, phase, done of total). */
export type ProgressMessage = ProgressEvent;

export interface ApiClient {
  transport: 'electron' | 'bridge';
  /** `jobId` tags the call's progress events and lets `cancel(jobId)` abort it. */
  call<N extends OperationName>(name: N, request: RequestOf<N>, options?: { jobId?: string }): Promise<ResponseOf<N>>;
  cancel(jobId: string): Promise<void>;
  onProgress(listener: (p: ProgressMessage) => void): () => void;
}

type PreloadApi = KinetwinApi & { onProgress(listener: (p: ProgressMessage) => void): () => void; cancel(jobId: string): Promise<unknown> };

export function newJobId(): string {
  return `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

declare global {
  interface Window {
    kinetwin?: PreloadApi;
  }
}

export function readToken(): string | null {
  const match = /(?:^|[#&])token=([^&]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem('kinetwin.token', decodeURIComponent(match[1]!));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem('kinetwin.token');
}

function bridgeClient(): ApiClient {
  const token = readToken();
  const listeners = new Set<(p: ProgressMessage) => void>();
  let socket: WebSocket | null = null;
  const connect = () => {
    if (socket || !token) return;
    const proto = window.location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${proto}://${window.location.host}/api/events?token=${encodeURIComponent(token)}`);
    socket.onmessage = (m) => {
      const msg = JSON.parse(String(m.data)) as { type: string } & ProgressMessage;
      if (msg.type === 'progress') for (const l of listeners) l(msg);
    };
    socket.onclose = () => {
      socket = null;
      if (listeners.size) setTimeout(connect, 1000);
    };
  };
  return {
    transport: 'bridge',
    async call(name, request, options) {
      const res = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}`, ...(options?.jobId ? { 'X-Kinetwin-Job': options.jobId } : {}) },
        body: JSON.stringify(request ?? {}),
      });
      const body = (await res.json().catch(() => ({ error: `HTTP ${res.status}` }))) as { error?: string };
      if (!res.ok) throw new Error(body.error ?? `HTTP ${res.status}`);
      return body as never;
    },
    async cancel(jobId) {
      await fetch('/api/_cancel', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` }, body: JSON.stringify({ jobId }) });
    },
    onProgress(listener) {
      listeners.add(listener);
      connect();
      return () => listeners.delete(listener);
    },
  };
}

function electronClient(api: PreloadApi): ApiClient {
  return {
    transport: 'electron',
    call: (name, request, options) => (api[name] as (r: unknown, o?: { jobId?: string }) => Promise<never>)(request ?? {}, options),
    cancel: async (jobId) => {
      await api.cancel(jobId);
    },
    onProgress: (listener) => api.onProgress(listener),
  };
}

let client: ApiClient | null = null;

export function getClient(): ApiClient {
  return (client ??= window.kinetwin ? electronClient(window.kinetwin) : bridgeClient());
}
