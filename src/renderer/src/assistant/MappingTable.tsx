import { useStore } from 'zustand';
import { CANONICAL_UNITS } from '../../../core/llm/units';
import { isCanonicalField, unitFitsField } from '../../../core/llm/vocabulary';
import { confirmMapping } from './assistantActions';
import { assistantStore, badgeOf, type MappingRow } from './assistantStore';
import { FIELD_SUGGESTIONS } from './fieldSuggestions';
import { ModelLine } from './ModelLine';
import { SourceBadge } from './SourceBadge';

const LIST_ID = 'kinetwin-canonical-fields';

function unitsFor(r: MappingRow): string[] {
  const fits = r.field !== null && isCanonicalField(r.field) ? CANONICAL_UNITS.filter((u) => unitFitsField(r.field!, u)) : [...CANONICAL_UNITS];
  return r.unit !== null && !fits.includes(r.unit as never) ? [r.unit, ...fits] : fits;
}

// Editable proposed mapping: header → canonical field and unit, with confidence and who proposed it.
export function MappingTable() {
  const mapping = useStore(assistantStore, (s) => s.mapping);
  const busy = useStore(assistantStore, (s) => s.busy);
  const editRow = useStore(assistantStore, (s) => s.editRow);
  if (!mapping) return null;
  const invalid = mapping.rows.filter((r) => r.field !== null && !isCanonicalField(r.field)).length;
  return (
    <div className="assistant-mapping">
      <ModelLine provenance={mapping.provenance} notice={mapping.notice} />
      {mapping.warnings.map((w, i) => <p key={i} className="muted">⚠ {w}</p>)}
      <datalist id={LIST_ID}>{FIELD_SUGGESTIONS.map((f) => <option key={f} value={f} />)}</datalist>
      <table className="table assistant-table" aria-label="Proposed mapping">
        <thead><tr><th>Header</th><th>Field</th><th>Unit</th><th>Confidence</th><th>Source</th></tr></thead>
        <tbody>
          {mapping.rows.map((r, i) => {
            const bad = r.field !== null && !isCanonicalField(r.field);
            return (
              <tr key={`${i}-${r.header}`}>
                <td><code>{r.header}</code></td>
                <td>
                  <input className={bad ? 'field-input invalid' : 'field-input'} list={LIST_ID} value={r.field ?? ''} placeholder="(not mapped)" aria-label={`Field for ${r.header}`} aria-invalid={bad}
                    onChange={(e) => editRow(i, { field: e.target.value.trim() === '' ? null : e.target.value.trim() })} />
                </td>
                <td>
                  <select value={r.unit ?? ''} aria-label={`Unit for ${r.header}`} onChange={(e) => editRow(i, { unit: e.target.value === '' ? null : e.target.value })}>
                    <option value="">—</option>
                    {unitsFor(r).map((u) => <option key={u} value={u}>{u}</option>)}
                  </select>
                </td>
                <td><meter min={0} max={1} value={r.confidence} aria-label={`Confidence for ${r.header}`} /> {Math.round(r.confidence * 100)}%</td>
                <td><SourceBadge source={badgeOf(r)} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="row assistant-actions">
        <button disabled={busy !== null || invalid > 0} onClick={() => void confirmMapping()}>Confirm mapping</button>
        {invalid > 0 && <span className="error">{invalid} field{invalid > 1 ? 's are' : ' is'} not in the canonical vocabulary</span>}
      </div>
    </div>
  );
}
