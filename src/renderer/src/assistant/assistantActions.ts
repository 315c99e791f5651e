import { getClient } from '../api/client';
import { assistantStore, isEdited, rowsOf } from './assistantStore';

// What the assistant's buttons do: route the file, fetch proposals, store the user's confirmation.
const store = assistantStore;

function fail(e: unknown): void {
  store.getState().patch({ busy: null, error: (e as Error).message });
}

/** Route the typed path, then propose a header mapping (tables) or an extraction (clinical notes). */
export async function analyse(): Promise<void> {
  const path = store.getState().path.trim();
  if (!path) return;
  store.getState().reset();
  store.getState().patch({ busy: 'Routing…' });
  try {
    const api = getClient();
    const route = await api.call('llmRoute', { path });
    store.getState().patch({ route });
    if (route.importer === 'text-note' || route.kind === 'clinical_note') {
      store.getState().patch({ busy: 'Extracting…' });
      const r = await api.call('llmExtract', { path });
      store.getState().patch({ busy: null, extraction: { ...r, edited: {} } });
    } else if (['c3d', 'dicom', 'nifti', 'bvh', 'none'].includes(route.importer)) {
      store.getState().patch({ busy: null });
    } else {
      store.getState().patch({ busy: 'Mapping headers…' });
      const { columns, ...rest } = await api.call('llmMapHeaders', { path });
      store.getState().patch({ busy: null, mapping: { ...rest, rows: rowsOf(columns) } });
    }
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
