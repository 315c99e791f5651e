import { getClient } from '../api/client';
import { assistantStore, isEdited, rowsOf } from './assistantStore';

// What the assistant's buttons do: route the file, fetch proposals, store the user's confirmation.
const store = assistantStore;

function fail(e: unknown): void {
  store.getState().patch({ busy: null, error: (e as Error).message });
}

/** What to propose for a routed file: an extraction for clinical notes, a header mapping for text tables, nothing for binaries. */
export function proposalFor(route: { importer: string; kind: string }): 'note' | 'table' | null {
  if (route.importer === 'text-note' || route.kind === 'clinical_note') return 'note';
  return ['c3d', 'dicom', 'nifti', 'bvh', 'none'].includes(route.importer) ? null : 'table';
}

/** Ask for a header mapping (`table`) or a note extraction (`note`) of the current path. */
export async function propose(mode: 'note' | 'table'): Promise<void> {
  const path = store.getState().path.trim();
  store.getState().patch({ mapping: null, extraction: null, saved: null, error: null, busy: mode === 'note' ? 'Extracting…' : 'Mapping headers…' });
  try {
    if (mode === 'note') {
      const r = await getClient().call('llmExtract', { path });
      store.getState().patch({ busy: null, extraction: { ...r, edited: {} } });
    } else {
      const { columns, ...rest } = await getClient().call('llmMapHeaders', { path });
      store.getState().patch({ busy: null, mapping: { ...rest, rows: rowsOf(columns) } });
    }
  } catch (e) {
    fail(e);
  }
}

/** Route the typed path, then propose what fits it. */
export async function analyse(): Promise<void> {
  const path = store.getState().path.trim();
  if (!path) return;
  store.getState().reset();
  store.getState().patch({ busy: 'Routing…' });
  try {
    const route = await getClient().call('llmRoute', { path });
    store.getState().patch({ route, busy: null });
    const mode = proposalFor(route);
    if (mode) await propose(mode);
  } catch (e) {
    fail(e);
  }
}

/** Remember every column as the user confirmed it and store the mapping with its provenance. */
export async function confirmMapping(): Promise<void> {
  const { path, mapping } = store.getState();
  if (!mapping) return;
  store.getState().patch({ busy: 'Saving…', error: null });
  try {
    const columns = mapping.rows.map((r) => ({ header: r.header, field: r.field, unit: r.unit, confidence: r.confidence, source: r.source, edited: isEdited(r) }));
    const r = await getClient().call('llmConfirmMapping', { path: path.trim(), layout: mapping.layout, columns, provenance: mapping.provenance as never });
    const edited = columns.filter((c) => c.edited).length;
    store.getState().patch({ busy: null, saved: `Remembered ${r.remembered} columns (${edited} edited) · artifact #${r.artifactId}` });
  } catch (e) {
    fail(e);
  }
}

/** Store the extraction (with the user's edits) as an artifact, linked to `subject` when given. */
export async function confirmExtraction(subject: string): Promise<void> {
  const { path, extraction } = store.getState();
  if (!extraction) return;
  store.getState().patch({ busy: 'Saving…', error: null });
  try {
    const fields = Object.fromEntries(
      Object.entries(extraction.fields).map(([k, f]) => (k in extraction.edited ? [k, { value: extraction.edited[k], source: 'user' as const }] : [k, f])),
    );
    const r = await getClient().call('llmConfirmExtraction', {
      path: path.trim(), fields, redactions: extraction.redactions, provenance: extraction.provenance as never,
      ...(subject.trim() ? { subject: subject.trim() } : {}),
    });
    store.getState().patch({ busy: null, saved: `Stored extraction as artifact #${r.artifactId}${r.subject ? ` for ${r.subject}` : ''}` });
  } catch (e) {
    fail(e);
  }
}
