// The model half of every task: probe the model, ask, parse and validate, retry with the validation error
// (at most twice), and report everything needed for provenance. It never throws for an unreachable or
// misbehaving model: the caller falls back to the rules and shows `notice`.

import type { z } from 'zod';
import { sha256Hex } from '../../core/hash/sha256';
import type { Issue } from '../../core/llm/plausibility';
import { PROMPT_VERSION, promptHash, retryMessages, type ChatMessage } from '../../core/llm/prompts';
import { taskJsonSchema, type TaskName } from '../../core/llm/schemas';
import { parseReply } from '../../core/llm/validate';
import { chatJson, createClient, describeFailure, findModel } from './client';
import type { LlmConfig } from './policy';

export const MAX_RETRIES = 2;

/** What the lead stores beside every artifact a model contributed to. */
export interface LlmProvenance {
  model: string;
  digest: string | null;
  host: string;
  promptVersion: string;
  promptHash: string; // SHA-256 of the task's template
  schemaHash: string; // SHA-256 of the JSON Schema sent as `format`
  options: { temperature: number; seed: number; num_ctx: number };
  attempts: number;
  rawReplies: string[]; // every reply, in order
  errors: string[]; // why each rejected reply was rejected
}

export interface ModelOutcome<T> {
  value: T | null; // the last schema-valid reply (may still carry plausibility issues), or null
  issues: Issue[]; // plausibility issues of `value` after the last attempt
  provenance: LlmProvenance | null; // null when no model was asked
  notice: string | null; // why the rules were used (wholly or partly), for stderr
}

export interface ModelTask<T> {
  task: TaskName;
  messages: ChatMessage[];
  schema: z.ZodType<T>;
  check: (value: T) => Issue[];
}

/** Ask the configured model; every failure mode ends in a notice, never an exception. */
export async function askModel<T>(config: LlmConfig, job: ModelTask<T>, signal?: AbortSignal): Promise<ModelOutcome<T>> {
  if (!config.enabled) return { value: null, issues: [], provenance: null, notice: 'LLM disabled: using rules' };
  let probe;
  try {
    probe = createClient(config, config.probeTimeoutMs, signal);
  } catch (e) {
    return { value: null, issues: [], provenance: null, notice: `${describeFailure(e, config, config.model)}; using rules` };
  }
  let info;
  try {
    info = await findModel(probe, config.model);
  } catch (e) {
    return { value: null, issues: [], provenance: null, notice: `${describeFailure(e, config, config.model)}; using rules` };
  }
  if (info === null) {
    return { value: null, issues: [], provenance: null, notice: `model '${config.model}' is not available at ${config.host} (ollama pull ${config.model}); using rules` };
  }
  const format = taskJsonSchema(job.task);
  const provenance: LlmProvenance = {
    model: info.name,
    digest: info.digest,
    host: config.host,
    promptVersion: PROMPT_VERSION,
    promptHash: promptHash(job.task),
    schemaHash: sha256Hex(JSON.stringify(format)),
    options: { temperature: config.temperature, seed: config.seed, num_ctx: config.numCtx },
    attempts: 0,
    rawReplies: [],
    errors: [],
  };
  const client = createClient(config, config.requestTimeoutMs, signal);
  const messages = [...job.messages];
  let best: { value: T; issues: Issue[] } | null = null;
  for (let attempt = 0; attempt <= MAX_RETRIES; attempt++) {
    let raw: string;
    try {
      provenance.attempts++;
      raw = await chatJson(client, config, info.name, messages, format);
    } catch (e) {
      const why = describeFailure(e, config, info.name);
      provenance.errors.push(why);
      return { value: best?.value ?? null, issues: best?.issues ?? [], provenance, notice: `${why}; using rules` };
    }
    provenance.rawReplies.push(raw);
    const parsed = parseReply(raw, job.schema);
    let error: string;
    if (parsed.ok) {
      const issues = job.check(parsed.value);
      best = { value: parsed.value, issues };
      if (issues.length === 0) return { value: parsed.value, issues, provenance, notice: null };
      error = `implausible values: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`;
    } else {
      error = parsed.error;
    }
    provenance.errors.push(error);
    messages.push(...retryMessages(raw, error));
  }
  const last = provenance.errors[provenance.errors.length - 1];
  return {
    value: best?.value ?? null,
    issues: best?.issues ?? [],
    provenance,
    notice: best ? `model reply still had implausible values after ${MAX_RETRIES} retries (${last}); those fields use rules` : `model reply invalid after ${MAX_RETRIES} retries (${last}); using rules`,
  };
}
