import { createStore } from 'zustand/vanilla';
import type { ResponseOf } from '../../../backend/api/types';

// The import assistant's state (framework-free): the routed file, the proposals under review and the user's edits.
export type Source = 'llm' | 'rules' | 'user';
/** What the badge says: the model, the rules, the user's edit now, or a mapping the user confirmed before. */
export type Badge = 'llm' | 'rules' | 'user' | 'remembered';

export interface MappingRow {
  header: string;
  field: string | null; // current choice (canonical vocabulary) or null = not a canonical column
  unit: string | null;
  confidence: number; // 0–1, of the proposal
  source: Source; // who proposed it ('user' from the server = remembered)
  proposed: { field: string | null; unit: string | null };
}

export type Route = ResponseOf<'llmRoute'>;
export type HeaderMap = Omit<ResponseOf<'llmMapHeaders'>, 'columns'> & { rows: MappingRow[] };
export type Extraction = ResponseOf<'llmExtract'> & { edited: Record<string, unknown> }; // edited: field → new value

export interface AssistantState {
  path: string;
  busy: string | null; // what is running ('Routing…'), or null
  error: string | null;
  route: Route | null;
  mapping: HeaderMap | null;
  extraction: Extraction | null;
  saved: string | null; // confirmation message after storing
  setPath(path: string): void;
  reset(): void;
  patch(p: Partial<Omit<AssistantState, 'setPath' | 'reset' | 'patch' | 'editRow' | 'editField'>>): void;
  editRow(index: number, change: Partial<Pick<MappingRow, 'field' | 'unit'>>): void;
  editField(name: string, value: unknown): void;
}

const empty = { busy: null, error: null, route: null, mapping: null, extraction: null, saved: null };

export const assistantStore = createStore<AssistantState>((set) => ({
  path: '',
  ...empty,
  setPath: (path) => set({ path }),
  reset: () => set({ ...empty }),
  patch: (p) => set(p),
  editRow: (index, change) =>
    set((s) => (s.mapping ? { saved: null, mapping: { ...s.mapping, rows: s.mapping.rows.map((r, i) => (i === index ? { ...r, ...change } : r)) } } : {})),
  editField: (name, value) =>
    set((s) => (s.extraction ? { saved: null, extraction: { ...s.extraction, edited: { ...s.extraction.edited, [name]: value } } } : {})),
}));

/** True when the user changed the proposal of this row. */
export function isEdited(r: MappingRow): boolean {
  return r.field !== r.proposed.field || r.unit !== r.proposed.unit;
}

export function badgeOf(r: MappingRow): Badge {
  if (isEdited(r)) return 'user';
  return r.source === 'user' ? 'remembered' : r.source;
}

/** Rows from an `llmMapHeaders` response. */
export function rowsOf(columns: ResponseOf<'llmMapHeaders'>['columns']): MappingRow[] {
  return columns.map((c) => ({ header: c.header, field: c.field, unit: c.unit, confidence: c.confidence, source: c.source, proposed: { field: c.field, unit: c.unit } }));
}
