import { useState } from 'react';
import { useStore } from 'zustand';
import { confirmExtraction } from './assistantActions';
import { assistantStore } from './assistantStore';
import { ModelLine } from './ModelLine';
import { SourceBadge } from './SourceBadge';

// Editable scalar facts of a clinical note (units in the name: metres, kilograms, years); lists are shown as found.
const NUMBERS: Record<string, { label: string; step: string }> = {
  age_years: { label: 'Age (years)', step: '1' },
  stature_m: { label: 'Stature (m)', step: '0.01' },
  mass_kg: { label: 'Mass (kg)', step: '0.1' },
};
const CHOICES: Record<string, { label: string; options: string[] }> = {
  sex: { label: 'Sex', options: ['female', 'male', 'other'] },
  dominant_side: { label: 'Dominant side', options: ['left', 'right', 'ambidextrous'] },
};

function Editor({ name, value, onChange }: { name: string; value: unknown; onChange: (v: unknown) => void }) {
  const n = NUMBERS[name];
  if (n) {
    return <input type="number" step={n.step} value={typeof value === 'number' ? value : ''} aria-label={n.label}
      onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))} />;
  }
  const c = CHOICES[name];
  if (c) {
    return (
      <select value={typeof value === 'string' ? value : ''} aria-label={c.label} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}>
        <option value="">—</option>
        {c.options.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    );
  }
  const list = Array.isArray(value) ? value : [];
  return list.length === 0 ? <span className="muted">none</span> : <code>{JSON.stringify(value)}</code>;
}

export function NoteReview() {
  const extraction = useStore(assistantStore, (s) => s.extraction);
  const busy = useStore(assistantStore, (s) => s.busy);
  const editField = useStore(assistantStore, (s) => s.editField);
  const [subject, setSubject] = useState('');
  if (!extraction) return null;
  const redacted = Object.entries(extraction.redactions).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(', ');
  return (
    <div className="assistant-note">
      <ModelLine provenance={extraction.provenance} notice={extraction.notice} />
      <h4>Redacted note {redacted ? <span className="muted">({redacted} masked)</span> : <span className="muted">(nothing masked)</span>}</h4>
      <pre className="redacted" aria-label="Redacted note" tabIndex={0}>{extraction.redactedText ?? ''}</pre>
      <table className="table assistant-table" aria-label="Extracted fields">
        <thead><tr><th>Field</th><th>Value</th><th>Source</th></tr></thead>
        <tbody>
          {Object.entries(extraction.fields).map(([name, f]) => {
            const edited = name in extraction.edited;
            return (
              <tr key={name}>
                <td>{NUMBERS[name]?.label ?? CHOICES[name]?.label ?? name}</td>
                <td><Editor name={name} value={edited ? extraction.edited[name] : f.value} onChange={(v) => editField(name, v)} /></td>
                <td><SourceBadge source={edited ? 'user' : f.source} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="row assistant-actions">
        <input value={subject} onChange={(e) => setSubject(e.target.value)} placeholder="Subject (pseudonym or name, hashed)" aria-label="Subject" />
        <button disabled={busy !== null} onClick={() => void confirmExtraction(subject)}>Confirm extraction</button>
      </div>
    </div>
  );
}
