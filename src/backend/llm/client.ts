// The Ollama client as Kinetwin uses it: a custom fetch that enforces the host policy on every request and adds
// a timeout and the caller's cancellation (the ollama package cannot abort non-streamed calls, and Node's
// fetch waits up to 300 s for headers), model availability and digest from list(), and deterministic chat
// (temperature 0, fixed seed) with a JSON Schema as `format`.

import { Ollama } from 'ollama';
import { KinetwinError } from '../../core/errors';
import { outboundFetch } from '../net';
import type { ChatMessage } from '../../core/llm/prompts';
import { assertHostAllowed, type LlmConfig } from './policy';

export interface ModelInfo {
  name: string; // as the server lists it, e.g. 'llama3.2:latest'
  digest: string | null;
}

/** A fetch bound to one origin, with a per-request timeout and an optional outer AbortSignal. */
export function guardedFetch(origin: string, allowedHosts: readonly string[], timeoutMs: number, outer?: AbortSignal): typeof fetch {
  return (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    // defence in depth: the client only ever talks to the configured, policy-checked origin
    assertHostAllowed(url.origin, allowedHosts);
    if (url.origin !== new URL(origin).origin) throw new KinetwinError(`refusing request to ${url.origin}: not the configured Ollama host`);
    const signals = [AbortSignal.timeout(timeoutMs)];
    if (outer) signals.push(outer);
    if (init?.signal) signals.push(init.signal);
    return outboundFetch(url, { ...init, signal: AbortSignal.any(signals) }); // Electron swaps in net.fetch
  };
}

/** An Ollama client whose every request is policy-checked and times out after `timeoutMs`. */
export function createClient(config: LlmConfig, timeoutMs: number, signal?: AbortSignal): Ollama {
  assertHostAllowed(config.host, config.allowedHosts); // before any connection
  return new Ollama({ host: config.host, fetch: guardedFetch(config.host, config.allowedHosts, timeoutMs, signal) });
}

/** The installed model matching `model` ('llama3.2' matches 'llama3.2:latest'), or null. */
export async function findModel(client: Ollama, model: string): Promise<ModelInfo | null> {
  const list = await client.list();
  const wanted = model.includes(':') ? model : `${model}:latest`;
  const hit = (list.models ?? []).find((m) => m.name === model || m.name === wanted || m.model === model || m.model === wanted);
  return hit ? { name: hit.name, digest: typeof hit.digest === 'string' && hit.digest !== '' ? hit.digest : null } : null;
}

/** One non-streamed chat turn with a JSON Schema `format`; returns the reply's text. */
export async function chatJson(
  client: Ollama,
  config: LlmConfig,
  model: string,
  messages: ChatMessage[],
  format: Record<string, unknown>,
): Promise<string> {
  const reply = await client.chat({
    model,
    messages,
    format,
    stream: false,
    keep_alive: '5m',
    options: { temperature: config.temperature, seed: config.seed, num_ctx: config.numCtx },
  });
  const content = reply?.message?.content;
  if (typeof content !== 'string') throw new KinetwinError('Ollama reply has no message content');
  return content;
}

/** A one-line, user-facing description of why a call to Ollama failed. */
export function describeFailure(error: unknown, config: LlmConfig, model: string): string {
  const e = error as { name?: string; message?: string; status_code?: number; cause?: { code?: string; message?: string } };
  if (e?.name === 'KinetwinError') return e.message ?? 'refused';
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return e.name === 'AbortError' ? 'the request was cancelled' : `Ollama at ${config.host} did not answer in time`;
  }
  if (e?.name === 'ResponseError') {
    if (e.status_code === 404) return `model '${model}' is not available at ${config.host} (ollama pull ${model})`;
    return `Ollama at ${config.host} answered ${e.status_code ?? 'an error'}: ${e.message ?? ''}`.trim();
  }
  const code = e?.cause?.code;
  if (code === 'ECONNREFUSED') return `no Ollama server at ${config.host} (connection refused)`;
  if (code) return `cannot reach Ollama at ${config.host} (${code})`;
  const cause = e?.cause?.message ? ` (${e.cause.message})` : '';
  return `cannot reach Ollama at ${config.host}: ${e?.message ?? String(error)}${cause}`;
}
