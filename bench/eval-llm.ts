// Evaluates header mapping and note extraction on the labelled fixtures (tests/fixtures/llm): per-field
// precision and recall for the rules and, when a model is reachable, for the model pipeline (model answer,
// rules where it was invalid). One JSON object per line on stdout. Exits 0 when no model is reachable.
//   npm run eval:llm -- [--model NAME] [--ollama-host URL] [--timeout-ms MS]
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createClient, describeFailure, findModel } from '../src/backend/llm/client';
import { resolveLlmConfig } from '../src/backend/llm/policy';
import { extractNote, mapColumns, type LlmServiceOptions } from '../src/backend/llm/service';
import { emptyTallies, NOTE_FIELDS, noteToLabel, precisionRecall, tallyNote, type NoteLabel, type Tally } from '../src/core/llm/evaluate';
import { findHeaderColumns } from '../src/core/llm/headerColumns';
import { mapHeaderByRules } from '../src/core/llm/headerRules';
import { unsourceNote } from '../src/core/llm/merge';
import { extractNoteByRules } from '../src/core/llm/noteRules';
import { fieldFamily } from '../src/core/llm/vocabulary';

const dir = resolve(import.meta.dirname ?? '.', '..', 'tests', 'fixtures', 'llm');
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const emit = (o: Record<string, unknown>): void => void process.stdout.write(`${JSON.stringify(o)}\n`);
const round = (x: number): number => Math.round(x * 1000) / 1000;

interface HeaderSet { file: string; text: string; columns: Array<{ header: string; field: string | null; unit: string | null }> }
function headerSet(name: string): HeaderSet[] {
  const path = join(dir, `${name}.json`);
  if (!existsSync(path)) return [];
  const labels = JSON.parse(readFileSync(path, 'utf8')) as Record<string, { columns: HeaderSet['columns'] }>;
  return Object.entries(labels).map(([file, l]) => ({ file, columns: l.columns, text: readFileSync(join(dir, name, file), 'utf8') }));
}
function noteSet(name: string): Array<{ id: string; text: string; expected: NoteLabel }> {
  const path = join(dir, `${name}.json`);
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : [];
}

/** Header tallies per field family: a non-null prediction is a positive. */
function tallyHeaders(pred: Array<{ field: string | null; unit: string | null }>, truth: HeaderSet['columns'], t: Map<string, Tally>, acc: { n: number; field: number; unit: number }): void {
  truth.forEach((e, i) => {
    const p = pred[i] ?? { field: null, unit: null };
    acc.n++;
    if (p.field === e.field) acc.field++;
    if (p.unit === e.unit) acc.unit++;
    const family = (e.field ? fieldFamily(e.field) : null) ?? (p.field ? fieldFamily(p.field) : null) ?? 'none';
    if (!t.has(family)) t.set(family, { tp: 0, fp: 0, fn: 0 });
    const tally = t.get(family) as Tally;
    if (p.field !== null && p.field === e.field) tally.tp++;
    else {
      if (p.field !== null) tally.fp++;
      if (e.field !== null) tally.fn++;
    }
  });
}

function report(task: string, set: string, method: string, tallies: Iterable<[string, Tally]>, extra: Record<string, unknown>): void {
  for (const [field, t] of tallies) {
    if (t.tp + t.fp + t.fn === 0) continue;
    const { precision, recall } = precisionRecall(t);
    emit({ bench: 'eval-llm', task, set, method, field, precision: round(precision), recall: round(recall), tp: t.tp, fp: t.fp, fn: t.fn });
  }
  emit({ bench: 'eval-llm', task, set, method, summary: true, ...extra });
}

async function main(): Promise<void> {
  const options: LlmServiceOptions = { model: arg('model'), ollamaHost: arg('ollama-host'), timeoutMs: arg('timeout-ms') ? Number(arg('timeout-ms')) : undefined, env: process.env };
  const config = resolveLlmConfig(options, {}, process.env);
  let reachable: { model: string; digest: string | null } | null = null;
  try {
    const info = await findModel(createClient(config, config.probeTimeoutMs), config.model);
    if (info) reachable = { model: info.name, digest: info.digest };
    else emit({ bench: 'eval-llm', llm: 'unavailable', host: config.host, notice: `model '${config.model}' is not installed; rules only` });
  } catch (e) {
    emit({ bench: 'eval-llm', llm: 'unreachable', host: config.host, notice: `${describeFailure(e, config, config.model)}; rules only` });
  }
  if (reachable) emit({ bench: 'eval-llm', llm: 'reachable', host: config.host, ...reachable });

  for (const set of ['headers', 'headers_holdout']) {
    const files = headerSet(set);
    if (files.length === 0) continue;
    const rules = new Map<string, Tally>();
    const racc = { n: 0, field: 0, unit: 0 };
    const llm = new Map<string, Tally>();
    const lacc = { n: 0, field: 0, unit: 0 };
    let fromLlm = 0;
    const t0 = performance.now();
    for (const f of files) {
      const table = findHeaderColumns(f.text);
      tallyHeaders(table.columns.map((c) => mapHeaderByRules(c.header, c.context)), f.columns, rules, racc);
    }
    const rulesMs = performance.now() - t0;
    report('map-headers', set, 'rules', [...rules].sort(), { columns: racc.n, fieldAccuracy: round(racc.field / racc.n), unitAccuracy: round(racc.unit / racc.n), ms: round(rulesMs) });
    if (!reachable) continue;
    const t1 = performance.now();
    for (const f of files) {
      const table = findHeaderColumns(f.text);
      const r = await mapColumns(table.columns, table.layout, options);
      fromLlm += r.columns.filter((c) => c.source === 'llm').length;
      tallyHeaders(r.columns, f.columns, llm, lacc);
    }
    report('map-headers', set, 'llm', [...llm].sort(), { columns: lacc.n, fieldAccuracy: round(lacc.field / lacc.n), unitAccuracy: round(lacc.unit / lacc.n), fromLlm, ms: round(performance.now() - t1), ...reachable });
  }

  for (const set of ['notes', 'notes_holdout']) {
    const notes = noteSet(set);
    if (notes.length === 0) continue;
    const rules = emptyTallies(NOTE_FIELDS);
    for (const n of notes) tallyNote(noteToLabel(extractNoteByRules(n.text)), n.expected, rules);
    report('extract', set, 'rules', Object.entries(rules), { notes: notes.length });
    if (!reachable) continue;
    const llm = emptyTallies(NOTE_FIELDS);
    let llmFields = 0;
    const t1 = performance.now();
    for (const n of notes) {
      const r = await extractNote(n.text, options);
      llmFields += Object.values(r.fields).filter((v) => v.source === 'llm').length;
      tallyNote(noteToLabel(unsourceNote(r.fields)), n.expected, llm);
    }
    report('extract', set, 'llm', Object.entries(llm), { notes: notes.length, fieldsFromLlm: llmFields, ms: round(performance.now() - t1), ...reachable });
  }
  if (!reachable) emit({ bench: 'eval-llm', done: true, note: 'no model reachable: figures above are the rules only' });
}

main().catch((e) => {
  process.stderr.write(`eval-llm: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
