import { readFile } from 'node:fs/promises';
import { redactNote } from '../../../core/llm/redact';
import { normaliseHeader } from '../../../core/llm/headerTokens';
import { emptyMappingMemory, lookupMapping, parseMappingMemory, rememberMapping, type MappingMemory } from '../../../core/llm/mappingMemory';
import { llmSettingsFromStore } from '../../llm/policy';
import { extractNoteFile, mapHeadersFile, routeFile, type LlmServiceOptions } from '../../llm/service';
import { readSettings, writeSetting } from '../../services/settings';
import type { ApiContext } from '../context';
import type { Handlers } from './types';
import { MAPPING_MEMORY_KEY } from '../../services/assistant';

// The mapping memory lives in the settings table under this key (a plain JSON object, see core/llm/mappingMemory).

function memoryOf(settings: Record<string, unknown>): MappingMemory {
  const raw = settings[MAPPING_MEMORY_KEY];
  return raw === undefined || raw === null ? emptyMappingMemory() : parseMappingMemory(raw);
}

function options(ctx: ApiContext, model: string | undefined): { opts: LlmServiceOptions; settings: Record<string, unknown> } {
  const settings = readSettings(ctx.store().db);
  const off = { names: false, phones: false, emails: false, addresses: false, recordNumbers: false, dates: false };
  return {
    settings,
    opts: { model, settings: llmSettingsFromStore(settings), env: process.env, signal: ctx.signal, redact: settings['llm.redact'] === false ? off : undefined },
  };
}

export const llmHandlers: Handlers<'llmRoute' | 'llmMapHeaders' | 'llmRememberMapping' | 'llmExtract'> = {
  llmRoute: async (req, ctx) => routeFile(req.path, options(ctx, req.model).opts),

  llmMapHeaders: async (req, ctx) => {
    const { opts, settings } = options(ctx, req.model);
    const r = await mapHeadersFile(req.path, { ...opts, memory: memoryOf(settings), memoryScope: req.scope ?? '' });
    return { file: r.file, layout: r.layout, columns: r.columns, llm: r.llm, provenance: r.provenance, notice: r.notice, warnings: r.warnings };
  },

  llmRememberMapping: async (req, ctx) => {
    const store = ctx.store();
    const scope = req.scope ?? '';
    const next = rememberMapping(memoryOf(readSettings(store.db)), req.header, { field: req.field, unit: req.unit }, scope);
    const key = `${scope}|${normaliseHeader(req.header)}`;
    store.write('llm.rememberMapping', { header: req.header, field: req.field, unit: req.unit, scope }, (db) => writeSetting(db, MAPPING_MEMORY_KEY, next));
    return { ok: true, key, count: lookupMapping(next, req.header, scope)?.count ?? 1 };
  },

  llmExtract: async (req, ctx) => {
    const { opts } = options(ctx, req.model);
    const r = await extractNoteFile(req.path, opts);
    // extractNoteFile has checked size and UTF-8; the review shows the same redaction the prompt used
    return { ...r, redactedText: redactNote(await readFile(req.path, 'utf8'), opts.redact).text };
  },
};
