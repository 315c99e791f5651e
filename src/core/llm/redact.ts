// Masks identifying details in a note before it goes into any prompt (even a local model's): names, phone
// numbers, e-mail addresses, street addresses, record numbers and exact dates. Month-and-year and year-only
// dates stay (injury timelines need them); exact dates keep their year as [DATE:YYYY] unless told otherwise.

export interface RedactOptions {
  names?: boolean;
  phones?: boolean;
  emails?: boolean;
  addresses?: boolean;
  recordNumbers?: boolean;
  dates?: boolean;
  keepYear?: boolean; // exact dates become [DATE:YYYY] (true, default) or [DATE]
}

export type RedactionKind = 'name' | 'phone' | 'email' | 'address' | 'record' | 'date';

export interface Redaction {
  text: string; // the masked note
  counts: Record<RedactionKind, number>;
}

const TITLE = '(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Doctor)\\.?';
const CAP = "[A-Z][a-zA-Z'’-]+"; // one capitalised word; words of a name are joined by single spaces
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const STREET = '(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Way|Place|Pl|Crescent|Cres|Terrace|Close|Parade|Highway|Hwy)';

function yearOf(match: string): string | null {
  return /((?:19|20)\d{2})/.exec(match)?.[1] ?? null;
}

/** Mask identifying details of a clinical note. */
export function redactNote(note: string, options: RedactOptions = {}): Redaction {
  const o = { names: true, phones: true, emails: true, addresses: true, recordNumbers: true, dates: true, keepYear: true, ...options };
  const counts: Record<RedactionKind, number> = { name: 0, phone: 0, email: 0, address: 0, record: 0, date: 0 };
  let text = note;
  const sub = (kind: RedactionKind, re: RegExp, mask: (m: string, ...groups: string[]) => string): void => {
    text = text.replace(re, (...args) => {
      counts[kind]++;
      return mask(...(args as [string, ...string[]]));
    });
  };
  if (o.emails) sub('email', /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g, () => '[EMAIL]');
  if (o.recordNumbers) {
    sub('record', /\b(MRN|URN?|NHS (?:no\.?|number)|(?:hosp(?:ital)?|record|patient|chart|case|medical record)\s*(?:no\.?|number|#|id)|ID)(\s*[:#.]?\s*)([A-Z]{0,3}[\d][\d\s-]{3,14}\d|[A-Z]{1,3}\d{4,})/gi,
      (_m, cue: string, sep: string) => `${cue}${sep}[ID]`);
  }
  if (o.dates) {
    const keep = (m: string): string => {
      const y = yearOf(m);
      return o.keepYear && y ? `[DATE:${y}]` : '[DATE]';
    };
    sub('date', /\b\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}\b/g, keep); // 14/06/1996
    sub('date', /\b(?:19|20)\d{2}-\d{2}-\d{2}\b/g, keep); // 1996-06-14
    sub('date', new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(?:19|20)\\d{2}\\b`, 'g'), keep); // 14 June 1996
    sub('date', new RegExp(`\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+(?:19|20)\\d{2}\\b`, 'g'), keep); // June 14, 1996
    sub('date', /\b(DOB|D\.O\.B\.|date of birth|born)(\s*:?\s*)(\d{1,2}[/.-]\d{1,2}[/.-]\d{2})\b/gi, (_m, cue: string, sep: string) => `${cue}${sep}[DATE]`);
  }
  if (o.phones) {
    sub('phone', /(?<![\w.])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)\s?)?\d{2,5}(?:[ .-]\d{2,6}){1,3}(?!\w|\.\d|\s*(?:mg|mcg|g|ml|kg|lb|cm|mm|m|iu|units|°|deg|degrees|%))/g,
      (m) => (m.replace(/\D/g, '').length >= 8 ? '[PHONE]' : m));
    counts.phone = (text.match(/\[PHONE\]/g) ?? []).length;
  }
  if (o.addresses) {
    sub('address', new RegExp(`\\b\\d{1,5}[A-Za-z]?\\s+(?:${CAP}\\s+){1,3}${STREET}\\b\\.?(?:,\\s*${CAP}(?:\\s+${CAP})?)?(?:,?\\s*[A-Z]{2}\\s+\\d{5}|,?\\s*[A-Z]{1,2}\\d[A-Z\\d]?\\s*\\d[A-Z]{2})?`, 'g'), () => '[ADDRESS]');
  }
  if (o.names) {
    const found = new Set<string>();
    const collect = (re: RegExp): void => {
      for (const m of text.matchAll(re)) for (const w of m[1].split(/\s+/)) if (w.length > 1) found.add(w);
    };
    collect(new RegExp(`\\b${TITLE} ((?:${CAP} ){0,2}${CAP})`, 'g'));
    collect(new RegExp(`\\b(?:Name|Patient|Client|Athlete|Player|Pt)\\s*:\\s*((?:${CAP} ){0,2}${CAP})`, 'g'));
    collect(new RegExp(`(?:^|\\n|\\.\\s+)((?:${CAP} )${CAP})(?=\\s*(?:\\([^)]*\\)\\s*)?(?:is an?\\b|,\\s*(?:age|aged)\\b|,\\s*\\d{1,3}\\b))`, 'g'));
    const skip = new Set(['Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Prof', 'Doctor', 'Patient', 'Name', 'Client', 'The', 'Left', 'Right']);
    for (const w of found) {
      if (skip.has(w)) continue;
      sub('name', new RegExp(`\\b${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g'), () => '[NAME]');
    }
    text = text.replace(/\[NAME\](?:\s+\[NAME\])+/g, '[NAME]');
  }
  return { text, counts };
}
