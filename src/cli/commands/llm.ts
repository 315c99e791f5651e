import { existsSync, readFileSync } from 'node:fs';
import { KinetwinError } from '../../core/errors';
import { parseMappingMemory, type MappingMemory } from '../../core/llm/mappingMemory';
import { MAPPING_MEMORY_KEY } from '../../backend/services/assistant';
import { llmSettingsFromStore } from '../../backend/llm/policy';
import { extractNoteFile, mapHeadersFile, routeFile, type LlmServiceOptions } from '../../backend/llm/service';
import type { FlagSpec, ParsedArgs } from '../args';
import type { CliIo, Command } from '../command';

// `kinetwin route`, `map-headers`, `extract`: local-LLM harmonisation with the rules as fallback.
const LLM_FLAGS: Record<string, FlagSpec> = {
  'ollama-host': { type: 'string', value: 'URL', description: 'Ollama host (default: OLLAMA_HOST, settings, http://127.0.0.1:11434); loopback only unless allowed in settings' },
  model: { type: 'string', value: 'NAME', description: 'Ollama model (default: settings ollama.model, llama3.2)' },
  'timeout-ms': { type: 'number', value: 'MS', description: 'per-request timeout for the model' },
  llm: { type: 'boolean', description: 'ask the local model (--no-llm: rules only)' },
};

async function options(args: ParsedArgs, io: CliIo): Promise<LlmServiceOptions> {
  // settings live in the store; a command that finds no database uses the defaults instead of creating one
  let record: Record<string, unknown> = {};
  if (io.dbPath !== ':memory:' && existsSync(io.dbPath)) record = (await io.call('getSettings', {})).settings;
  const memoryPath = args.flags.memory as string | undefined;
  // confirmed mappings: --memory FILE, else the ones the app remembered in the settings
  let memory: MappingMemory | undefined = record[MAPPING_MEMORY_KEY] ? parseMappingMemory(record[MAPPING_MEMORY_KEY]) : undefined;
  if (memoryPath !== undefined) {
    try {
      memory = parseMappingMemory(JSON.parse(readFileSync(memoryPath, 'utf8')));
    } catch (e) {
      throw new KinetwinError(e instanceof KinetwinError ? e.message : `cannot read mapping memory (${(e as Error).message})`, memoryPath);
    }
  }
  return {
    ollamaHost: args.flags['ollama-host'] as string | undefined,
    model: args.flags.model as string | undefined,
    timeoutMs: args.flags['timeout-ms'] as number | undefined,
    noLlm: args.flags.llm === false,
    settings: llmSettingsFromStore(record),
    redact: record['llm.redact'] === false ? { names: false, phones: false, emails: false, addresses: false, recordNumbers: false, dates: false } : undefined,
    memory,
    memoryScope: (args.flags.scope as string | undefined) ?? '',
    env: process.env,
  };
}

function notice(io: CliIo, file: string, text: string | null): void {
  if (text !== null && !io.quiet) io.err(`notice: ${file}: ${text}`);
}

function fail(file: string, e: unknown): never {
  if (e instanceof KinetwinError) throw new KinetwinError(e.message, e.file ?? file);
  throw e;
}

export const routeCommand: Command = {
  name: 'route',
  summary: 'Which importer reads FILE and what kind of data it holds (local LLM, rules as fallback)',
  usage: 'FILE [--model M] [--ollama-host URL] [--no-llm] [--json]',
  flags: LLM_FLAGS,
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const file = args.positionals[0]!;
    const r = await routeFile(file, await options(args, io)).catch((e) => fail(file, e));
    if (io.json) io.printJson(r);
    else io.out(`${file}: ${r.importer} (${r.kind}), confidence ${r.confidence.toFixed(2)}, from ${r.source}${r.llm ? ` ${r.llm.model}` : ''} — ${r.reasons.join('; ')}`);
    notice(io, file, r.notice);
    return 0;
  },
};

export const mapHeadersCommand: Command = {
  name: 'map-headers',
  summary: 'Map FILE\'s column headers onto the canonical vocabulary with units (local LLM, rules as fallback)',
  usage: 'FILE [--model M] [--ollama-host URL] [--memory MAPPINGS.json] [--scope S] [--no-llm] [--json]',
  flags: {
    ...LLM_FLAGS,
    memory: { type: 'string', value: 'PATH', description: 'JSON mapping memory of confirmed headers (source "user")' },
    scope: { type: 'string', value: 'S', description: 'mapping-memory scope, e.g. a vendor' },
  },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const file = args.positionals[0]!;
    const r = await mapHeadersFile(file, await options(args, io)).catch((e) => fail(file, e));
    if (io.json) io.printJson({ file: r.file, layout: r.layout, columns: r.columns, llm: r.llm, provenance: r.provenance, warnings: r.warnings });
    else {
      for (const c of r.columns) {
        io.out(`${c.header.padEnd(36)} → ${(c.field ?? '—').padEnd(28)} ${(c.unit ?? '').padEnd(6)} ${c.confidence.toFixed(2)} ${c.source}${c.negate ? ' (sign flipped)' : ''}`);
      }
      if (r.columns.length === 0) io.out(`${file}: no header row found`);
    }
    for (const w of r.warnings) io.err(`warning: ${file}: ${w}`);
    notice(io, file, r.notice);
    return 0;
  },
};

export const extractCommand: Command = {
  name: 'extract',
  summary: 'Structured facts from a clinical note (age, sex, stature, mass, injuries, …), redacted before any prompt',
  usage: 'NOTE.txt [--model M] [--ollama-host URL] [--no-llm] [--json]',
  flags: LLM_FLAGS,
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const file = args.positionals[0]!;
    const r = await extractNoteFile(file, await options(args, io)).catch((e) => fail(file, e));
    if (io.json) io.printJson(r);
    else {
      for (const [key, v] of Object.entries(r.fields)) {
        const value = Array.isArray(v.value) ? (v.value.length === 0 ? '—' : JSON.stringify(v.value)) : v.value === null ? '—' : String(v.value);
        io.out(`${key.padEnd(18)} ${value} (${v.source})`);
      }
    }
    notice(io, file, r.notice);
    return 0;
  },
};
