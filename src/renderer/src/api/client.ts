import type { OperationName } from '../../../backend/api/contract/index';
import type { KinetwinApi, RequestOf, ResponseOf } from '../../../backend/api/types';

// The renderer's one way to the backend: Electron's preload (window.kinetwin) when present, else the loopback
// bridge of `kinetwin serve` (token from the URL fragment, kept in sessionStorage, never sent as a URL).
export interface ProgressMessage {
  operation: string;
  jobId: string;
  phase: string;
  done: number;
  total: number;
  message?: string;
}

export interface ApiClient {
  transport: 'electron' | 'bridge';
  call<N extends OperationName>(name: N, request: RequestOf<N>): Promise<ResponseOf<N>>;
  onProgress(listener: (p: ProgressMessage) => void): () => void;
}

type PreloadApi = KinetwinApi & { onProgress(listener: (p: ProgressMessage) => void): () => void };

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
    async call(name, request) {
      const res = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
        body: JSON.stringify(request ?? {}),
      });
      const body = (await res.json().catch(() => ({ error: `HTTP ${res.status}` }))) as { error?: string };
      if (!res.ok) throw new Error(body.error ?? `HTTP ${res.status}`);
      return body as never;
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
    call: (name, request) => (api[name] as (r: unknown) => Promise<never>)(request ?? {}),
    onProgress: (listener) => api.onProgress(listener),
  };
}

let client: ApiClient | null = null;

export function getClient(): ApiClient {
  return (client ??= window.kinetwin ? electronClient(window.kinetwin) : bridgeClient());
}
