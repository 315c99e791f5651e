// Service functions behind `kinetwin route`, `kinetwin map-headers` and `kinetwin extract`: read the file,
// run the rules, ask the model when one is reachable, merge with provenance. Each returns JSON-serialisable
// results and succeeds without a model (the rules answer; `notice` says why).

import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { KinetwinError } from '../../core/errors';
import { findHeaderColumns, type HeaderColumn } from '../../core/llm/headerColumns';
import { mapHeaderByRules } from '../../core/llm/headerRules';
import { lookupMapping, type MappingMemory } from '../../core/llm/mappingMemory';
import { canonicaliseNote, mergeColumns, mergeNote, type ColumnResult, type Source, type SourcedNote } from '../../core/llm/merge';
import { extractNoteByRules } from '../../core/llm/noteRules';
import { checkHeaders, checkNote, checkRoute } from '../../core/llm/plausibility';
import { extractMessages, headerMessages, routeMessages } from '../../core/llm/prompts';
import { redactNote, type RedactOptions, type RedactionKind } from '../../core/llm/redact';
import { routeByRules, type DataKind, type Importer } from '../../core/llm/routeRules';
import { HeaderReply, NoteReply, RouteReply } from '../../core/llm/schemas';
import { sniff } from '../../core/llm/sniff';
import { askModel, type LlmProvenance } from './harmonise';
import { resolveLlmConfig, type LlmFlags, type LlmSettings } from './policy';

export interface LlmServiceOptions extends LlmFlags {
  settings?: LlmSettings; // the `llm` section of the user's settings
  env?: Record<string, string | undefined>; // defaults to process.env (OLLAMA_HOST)
  signal?: AbortSignal; // cancels an in-flight model call
  memory?: MappingMemory; // remembered header mappings (map-headers)
  memoryScope?: string;
  redact?: RedactOptions; // extract: what to mask before the prompt
}

type LlmId = { model: string; digest: string | null } | null;

export interface RouteResult {
  file: string;
  importer: Importer;
  kind: DataKind;
  confidence: number;
  source: Source;
  reasons: string[];
  llm: LlmId;
  provenance: LlmProvenance | null;
  notice: string | null;
}

export interface HeaderMapResult {
  file: string;
  layout: string;
  columns: ColumnResult[];
  llm: LlmId;
  provenance: LlmProvenance | null;
  notice: string | null;
  warnings: string[];
}

export interface NoteResult {
  file: string;
  fields: SourcedNote;
  redactions: Record<RedactionKind, number>;
  llm: LlmId;
  provenance: LlmProvenance | null;
  notice: string | null;
}

const SNIFF_BYTES = 65_536;
const MAX_NOTE_BYTES = 1 << 20;
const MAX_LLM_COLUMNS = 256;

async function readHead(path: string, limit: number): Promise<{ bytes: Uint8Array; size: number }> {
  let handle;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new KinetwinError('not a regular file');
    handle = await open(path, 'r');
    const bytes = new Uint8Array(Math.min(limit, info.size));
    const { bytesRead } = await handle.read(bytes, 0, bytes.length, 0);
    return { bytes: bytes.subarray(0, bytesRead), size: info.size };
  } catch (e) {
    if (e instanceof KinetwinError) throw e;
    const code = (e as { code?: string }).code;
    throw new KinetwinError(code === 'ENOENT' ? 'file not found' : code === 'EACCES' ? 'permission denied' : `cannot read file (${code ?? (e as Error).message})`);
  } finally {
    await handle?.close();
  }
}

function llmId(p: LlmProvenance | null, used: boolean): LlmId {
  return p !== null && used ? { model: p.model, digest: p.digest } : null;
}

function config(options: LlmServiceOptions) {
  return resolveLlmConfig(options, options.settings ?? {}, options.env ?? process.env);
}

/** Route bytes already in memory (the first ≤ 64 KiB of a file is enough). */
export async function routeBytes(fileName: string, bytes: Uint8Array, options: LlmServiceOptions = {}): Promise<RouteResult> {
  const s = sniff(fileName, bytes.subarray(0, SNIFF_BYTES));
  const rules = routeByRules(s);
  const outcome = await askModel(config(options), {
    task: 'route',
    messages: routeMessages(s),
    schema: RouteReply,
    check: (r) => checkRoute(r, rules),
  }, options.signal);
  const useLlm = outcome.value !== null && outcome.issues.length === 0;
  const base = { file: fileName, provenance: outcome.provenance, notice: outcome.notice, llm: llmId(outcome.provenance, useLlm) };
  if (useLlm && outcome.value) {
    const v = outcome.value;
    return { ...base, importer: v.importer, kind: v.kind, confidence: v.confidence, source: 'llm', reasons: [`model ${outcome.provenance?.model}`, ...rules.reasons.map((r) => `rules: ${r}`)] };
  }
  return { ...base, importer: rules.importer, kind: rules.kind, confidence: rules.confidence, source: 'rules', reasons: rules.reasons };
}

/** `kinetwin route FILE`. */
export async function routeFile(path: string, options: LlmServiceOptions = {}): Promise<RouteResult> {
  const { bytes, size } = await readHead(path, SNIFF_BYTES);
  if (size === 0) throw new KinetwinError('file is empty');
  return { ...(await routeBytes(basename(path), bytes, options)), file: path };
}

/** Map already-found header columns (rules, then the model for the ones no remembered mapping covers). */
export async function mapColumns(columns: HeaderColumn[], layout: string, options: LlmServiceOptions = {}): Promise<Omit<HeaderMapResult, 'file' | 'warnings'>> {
  const rules = columns.map((c) => mapHeaderByRules(c.header, c.context));
  const memory = options.memory ?? null;
  const ask = columns.filter((c) => memory === null || lookupMapping(memory, c.header, options.memoryScope) === null);
  if (ask.length === 0) {
    return { layout, columns: mergeColumns(columns, rules, null, [], memory, options.memoryScope), llm: null, provenance: null, notice: null };
  }
  if (ask.length > MAX_LLM_COLUMNS) {
    return { layout, columns: mergeColumns(columns, rules, null, [], memory, options.memoryScope), llm: null, provenance: null, notice: `${ask.length} headers is more than the model is asked about at once (${MAX_LLM_COLUMNS}); using rules` };
  }
  const requested = ask.map((c) => c.header);
  const outcome = await askModel(config(options), {
    task: 'map-headers',
    messages: headerMessages(ask, layout),
    schema: HeaderReply,
    check: (r) => checkHeaders(r, requested),
  }, options.signal);
  const merged = mergeColumns(columns, rules, outcome.value, outcome.issues, memory, options.memoryScope);
  const usedLlm = merged.some((c) => c.source === 'llm');
  return { layout, columns: merged, llm: llmId(outcome.provenance, usedLlm), provenance: outcome.provenance, notice: outcome.notice };
}

/** `kinetwin map-headers FILE`. */
export async function mapHeadersFile(path: string, options: LlmServiceOptions = {}): Promise<HeaderMapResult> {
  const { bytes } = await readHead(path, SNIFF_BYTES);
  const s = sniff(path, bytes);
  if (s.binary) throw new KinetwinError(`binary file (${s.magic ?? 'unknown type'}): map-headers reads text tables only`);
  const table = findHeaderColumns(s.headerLines.length > 0 ? new TextDecoder().decode(bytes) : '');
  const mapped = await mapColumns(table.columns, table.layout, options);
  return { file: path, ...mapped, warnings: table.warnings };
}

/** Extract facts from a note's text (redacted before any prompt). */
export async function extractNote(text: string, options: LlmServiceOptions = {}): Promise<Omit<NoteResult, 'file'>> {
  const rules = extractNoteByRules(text);
  const redaction = redactNote(text, options.redact);
  const outcome = await askModel(config(options), {
    task: 'extract',
    messages: extractMessages(redaction.text),
    schema: NoteReply,
    check: checkNote,
  }, options.signal);
  const fields = mergeNote(rules, outcome.value === null ? null : canonicaliseNote(outcome.value), outcome.issues);
  const usedLlm = Object.values(fields).some((f) => f.source === 'llm');
  return { fields, redactions: redaction.counts, llm: llmId(outcome.provenance, usedLlm), provenance: outcome.provenance, notice: outcome.notice };
}

/** `kinetwin extract NOTE.txt`. */
export async function extractNoteFile(path: string, options: LlmServiceOptions = {}): Promise<NoteResult> {
  const { bytes, size } = await readHead(path, MAX_NOTE_BYTES);
  if (size > MAX_NOTE_BYTES) throw new KinetwinError(`note is ${size} bytes; notes over ${MAX_NOTE_BYTES} bytes are not clinical notes`);
  const s = sniff(path, bytes);
  if (s.binary) throw new KinetwinError('binary file: extract reads plain-text notes');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new KinetwinError('note is not valid UTF-8 text');
  }
  if (text.trim() === '') throw new KinetwinError('note is empty');
  return { file: path, ...(await extractNote(text, options)) };
}
