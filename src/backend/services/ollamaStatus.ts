import { outboundFetch } from '../net';
import { isLoopbackUrl } from './loopback';

// A quick reachability probe for the Settings page: GET /api/tags on the configured host, loopback only.
export async function checkOllama(
  settings: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<{ host: string; reachable: boolean; models: string[]; error: string | null }> {
  const host = String(process.env.OLLAMA_HOST ?? settings['ollama.host'] ?? 'http://127.0.0.1:11434');
  const url = /^https?:\/\//.test(host) ? host : `http://${host}`;
  if (!isLoopbackUrl(url) && settings['ollama.allowRemoteHost'] !== true) {
    return { host: url, reachable: false, models: [], error: 'refused: not a loopback host (allow it in Settings to use it)' };
  }
  try {
    const timeout = AbortSignal.timeout(800);
    const res = await outboundFetch(new URL('/api/tags', url), { signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
    if (!res.ok) return { host: url, reachable: false, models: [], error: `HTTP ${res.status}` };
    const body = (await res.json()) as { models?: { name?: string }[] };
    return { host: url, reachable: true, models: (body.models ?? []).map((m) => String(m.name ?? '')), error: null };
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    return { host: url, reachable: false, models: [], error: cause ?? (err as Error).name };
  }
}
