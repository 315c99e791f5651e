// Where Kinetwin may send prompts: the Ollama host and model, resolved from the command line, settings and the
// environment. Only loopback hosts are accepted unless the user's settings name another host explicitly; the
// check happens before any connection is opened.

import { isIP } from 'node:net';
import { KinetwinError } from '../../core/errors';

export const DEFAULT_OLLAMA_HOST = 'http://127.0.0.1:11434';
export const DEFAULT_MODEL = 'llama3.2';
export const DEFAULT_REQUEST_TIMEOUT_MS = 120_000; // a local model on CPU can take a minute for 60 headers
export const DEFAULT_PROBE_TIMEOUT_MS = 3_000; // /api/tags answers at once when a server is there
export const DEFAULT_SEED = 42;

/** The `llm` section of the user's settings. */
export interface LlmSettings {
  enabled?: boolean; // false: rules only, never connect
  host?: string;
  model?: string;
  allowedHosts?: string[]; // non-loopback hostnames the user explicitly allows
  allowRemoteHost?: boolean; // settings 'ollama.allowRemoteHost': allow the configured host even if not loopback
  requestTimeoutMs?: number;
  probeTimeoutMs?: number;
  seed?: number;
  numCtx?: number;
}

/** Command-line overrides (`--ollama-host`, `--model`, `--timeout-ms`, `--no-llm`). */
export interface LlmFlags {
  ollamaHost?: string;
  model?: string;
  timeoutMs?: number;
  noLlm?: boolean;
}

export interface LlmConfig {
  enabled: boolean;
  host: string; // normalised origin, e.g. http://127.0.0.1:11434
  hostSource: 'flag' | 'settings' | 'env' | 'default';
  model: string;
  allowedHosts: string[];
  requestTimeoutMs: number;
  probeTimeoutMs: number;
  seed: number;
  temperature: 0;
  numCtx: number;
}

/** Normalise a host the way Ollama's client does ('127.0.0.1', ':11434', 'localhost:11434', 'http://[::1]:11434'). */
export function normaliseHost(raw: string): URL {
  let text = raw.trim();
  if (text === '') throw new KinetwinError('Ollama host is empty');
  if (text.startsWith(':')) text = `127.0.0.1${text}`;
  const explicit = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  let url: URL;
  try {
    url = new URL(explicit ? text : `http://${text}`);
  } catch {
    throw new KinetwinError(`Ollama host '${raw}' is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new KinetwinError(`Ollama host '${raw}': only http and https are supported`);
  if (!explicit && url.port === '') url.port = '11434';
  return url;
}

/** True for localhost, 127.0.0.0/8, ::1 and IPv4-mapped loopback. */
export function isLoopbackHostname(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.split('.')[0] === '127';
  if (isIP(h) === 6) {
    if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
    if (mapped) return mapped[1].split('.')[0] === '127';
    const mappedHex = /^::ffff:([0-9a-f]{1,4}):[0-9a-f]{1,4}$/.exec(h);
    return mappedHex !== null && parseInt(mappedHex[1], 16) >> 8 === 127;
  }
  return false;
}

/** Throw a KinetwinError unless `host` is loopback or explicitly allowed in settings. */
export function assertHostAllowed(host: string, allowedHosts: readonly string[]): void {
  const url = normaliseHost(host);
  const name = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (isLoopbackHostname(name)) return;
  if (allowedHosts.some((a) => a.trim().toLowerCase().replace(/^\[|\]$/g, '') === name)) return;
  throw new KinetwinError(
    `refusing to send data to Ollama host '${url.host}': only loopback hosts (127.0.0.0/8, ::1, localhost) are used ` +
      `unless you add '${name}' to llm.allowedHosts in the settings`,
  );
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** LlmSettings from the store's flat settings record ('ollama.host', 'ollama.model', 'ollama.allowRemoteHost', …). */
export function llmSettingsFromStore(record: Record<string, unknown>): LlmSettings {
  const str = (k: string): string | undefined => (typeof record[k] === 'string' && record[k] !== '' ? (record[k] as string) : undefined);
  const num = (k: string): number | undefined => (typeof record[k] === 'number' ? (record[k] as number) : undefined);
  const hosts = record['ollama.allowedHosts'];
  return {
    enabled: record['llm.enabled'] === false ? false : undefined,
    host: str('ollama.host'),
    model: str('ollama.model'),
    allowRemoteHost: record['ollama.allowRemoteHost'] === true,
    allowedHosts: Array.isArray(hosts) ? hosts.filter((h): h is string => typeof h === 'string') : undefined,
    requestTimeoutMs: num('ollama.timeoutMs'),
    seed: num('ollama.seed'),
    numCtx: num('ollama.numCtx'),
  };
}

/** Resolve the connection: host from flag > OLLAMA_HOST > settings > default (as Ollama's own tools honour
 * OLLAMA_HOST); model and timeouts from flag > settings > default. */
export function resolveLlmConfig(flags: LlmFlags = {}, settings: LlmSettings = {}, env: Record<string, string | undefined> = {}): LlmConfig {
  const [raw, hostSource]: [string, LlmConfig['hostSource']] = flags.ollamaHost
    ? [flags.ollamaHost, 'flag']
    : env.OLLAMA_HOST
      ? [env.OLLAMA_HOST, 'env']
      : settings.host
        ? [settings.host, 'settings']
        : [DEFAULT_OLLAMA_HOST, 'default'];
  const url = normaliseHost(raw);
  const allowedHosts = [...(settings.allowedHosts ?? [])];
  if (settings.allowRemoteHost && settings.host) allowedHosts.push(normaliseHost(settings.host).hostname);
  return {
    enabled: !flags.noLlm && settings.enabled !== false,
    host: `${url.protocol}//${url.host}`,
    hostSource,
    model: flags.model ?? settings.model ?? DEFAULT_MODEL,
    allowedHosts,
    requestTimeoutMs: positive(flags.timeoutMs ?? settings.requestTimeoutMs, DEFAULT_REQUEST_TIMEOUT_MS),
    probeTimeoutMs: positive(flags.timeoutMs ?? settings.probeTimeoutMs, DEFAULT_PROBE_TIMEOUT_MS),
    seed: settings.seed ?? DEFAULT_SEED,
    temperature: 0,
    numCtx: positive(settings.numCtx, 8192),
  };
}
