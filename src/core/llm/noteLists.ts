// List facts from a clinical note by rules: diagnoses (ICD-10 when stated), injuries, surgeries, range-of-motion
// restrictions, absent or extra digits, medications. One sentence at a time; negated and family-history
// sentences are skipped.

import {
  DIGIT_WORDS, JOINT_INDEX, MEDICATIONS, MOTION_INDEX, PROCEDURE_INDEX, STRUCTURE_INDEX, findPhrase,
} from './noteDictionary';
import type { NoteReply } from './schemas';

type Side = 'left' | 'right' | 'bilateral' | null;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Sentences and list lines of a note. */
export function sentences(text: string): string[] {
  return text.split(/(?<=[.;!?])\s+(?=[A-Z0-9[(])|\n+|\s+-\s+(?=[A-Z])/).map((s) => s.trim()).filter((s) => s !== '');
}

const DONOR = new Set(['hamstring', 'patellar_tendon', 'quadriceps']);
const PLANNED = /\b(planned|scheduled|awaiting|waiting list|booked|candidate for|considering|referred for|to be)\b/i;
const NEGATED = /\b(no|denies|denied|without|negative for|nil|never|not)\b/i;
const FAMILY = /\b(mother|father|sister|brother|family|fhx|parent|grandmother|grandfather)\b/i;

function negatedBefore(sentence: string, at: number): boolean {
  const before = sentence.slice(Math.max(0, at - 40), at);
  return NEGATED.test(before) && !/\bbut\b/i.test(before);
}

/** Side word nearest to `at` (prefers words before it within the sentence). */
export function sideNear(sentence: string, at: number, maxDistance = 60): Side {
  const re = /\b(bilateral(?:ly)?|both|left|right|lt|rt|l|r)\b/gi;
  let best: { side: Side; d: number } | null = null;
  for (let m = re.exec(sentence); m !== null; m = re.exec(sentence)) {
    const w = m[1];
    if (w === 'l' || w === 'r' || (w.length === 1 && sentence[m.index + 1] === '.')) continue; // 'L'/'R' only in capitals
    const side: Side = /^(bilateral|both)/i.test(w) ? 'bilateral' : /^(left|lt|l)$/i.test(w) ? 'left' : 'right';
    const d = m.index <= at ? at - m.index : (m.index - at) * 1.5 + 5;
    if (best === null || d < best.d) best = { side, d };
  }
  return best && best.d < maxDistance ? best.side : null;
}

/** Finest unambiguous partial ISO date in a sentence (YYYY, YYYY-MM or YYYY-MM-DD), or null. */
export function dateIn(sentence: string): string | null {
  const iso = /\b((?:19|20)\d{2})-(\d{2})(?:-(\d{2}))?\b/.exec(sentence);
  if (iso) return iso[3] ? `${iso[1]}-${iso[2]}-${iso[3]}` : `${iso[1]}-${iso[2]}`;
  const dmy = /\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d{2})\b/.exec(sentence);
  if (dmy) {
    const a = Number(dmy[1]);
    const b = Number(dmy[2]);
    if (a > 12 && b <= 12) return `${dmy[3]}-${String(b).padStart(2, '0')}-${String(a).padStart(2, '0')}`;
    if (b > 12 && a <= 12) return `${dmy[3]}-${String(a).padStart(2, '0')}-${String(b).padStart(2, '0')}`;
    return dmy[3];
  }
  const my = /\b(\d{1,2})[/.]((?:19|20)\d{2})\b/.exec(sentence);
  if (my && Number(my[1]) >= 1 && Number(my[1]) <= 12) return `${my[2]}-${my[1].padStart(2, '0')}`;
  const named = /\b(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+((?:19|20)\d{2})\b/i.exec(sentence);
  if (named) {
    const month = String(MONTHS.indexOf(named[2].slice(0, 3).toLowerCase()) + 1).padStart(2, '0');
    return named[1] ? `${named[3]}-${month}-${named[1].padStart(2, '0')}` : `${named[3]}-${month}`;
  }
  const year = /(?:\[DATE:|\b)((?:19|20)\d{2})\b/.exec(sentence);
  return year ? year[1] : null;
}

const ICD10 = /\b([A-TV-Z]\d{2}(?:\.[0-9A-Z]{1,4})?)\b/g;

/** Diagnoses: every ICD-10 code with the words before it, plus uncoded items after 'Diagnosis:'/'Dx:'. */
export function extractDiagnoses(text: string): NoteReply['diagnoses'] {
  const out: NoteReply['diagnoses'] = [];
  const seen = new Set<string>();
  for (const s of sentences(text)) {
    for (let m = ICD10.exec(s); m !== null; m = ICD10.exec(s)) {
      if (/^[LR]\d/.test(m[1]) && !/\.|[A-Z]\d{2}$/.test(m[1])) continue;
      if (/^(L[1-5]|S[1-2]|C[1-7]|T[1-9]|T1[0-2])$/.test(m[1])) continue; // vertebral levels
      const label = s.slice(0, m.index).replace(/^.*(?:diagnos[ie]s|dx|impression|assessment|icd-?10)\s*:?\s*/i, '')
        .replace(/[([,;:–-]\s*$/, '').split(/[;,]\s*(?=[A-Za-z][^,;]*$)/).pop()?.trim() ?? '';
      if (!seen.has(m[1])) {
        seen.add(m[1]);
        out.push({ text: label.slice(-80), icd10: m[1] });
      }
    }
    ICD10.lastIndex = 0;
  }
  const dx = /(?:^|\n)\s*(?:diagnos[ie]s|dx|impression)\s*:\s*([^\n]+)/gi;
  for (let m = dx.exec(text); m !== null; m = dx.exec(text)) {
    for (const item of m[1].split(/;|,(?![^(]*\))/)) {
      const t = item.trim().replace(/\.$/, '');
      if (t === '' || ICD10.test(t)) { ICD10.lastIndex = 0; continue; }
      ICD10.lastIndex = 0;
      out.push({ text: t, icd10: null });
    }
  }
  return out;
}

const INJURY_CUE = /\b(\w+itis|\w+opathy|epicondyl\w*|tears?|torn|ruptur\w*|sprain\w*|strain\w*|fractur\w*|broke|broken|dislocat\w*|tendinopathy|tendinitis|tendonitis|tendinosis|injur\w*|concussions?|sublux\w*|stress reaction|fasciitis|fasciopathy|reconstruct\w*|repair\w*|lesion|instability|herniation|contusion|syndrome|spondylolysis)\b/i;
const SURGERY_CUE = /\b(surgery|surgical|operated|operation|underwent|s\/p|status post|post-?op|reconstruct\w*|repair\w*|arthroscop\w*|\w+ectomy|orif|fixation|\w*arthroplasty|\w*plasty|performed|replacement|nail|latarjet|bankart|brostr[oö]m|microfracture|fusion|release)\b/i;

/** Every dictionary entry named in a sentence (whole words), in order, with its position. */
function phrasesIn(s: string, index: Array<[string, string]>): Array<{ key: string; at: number }> {
  const found: Array<{ key: string; at: number }> = [];
  let rest = s;
  let offset = 0;
  for (let guard = 0; guard < 8; guard++) {
    const hit = findPhrase(rest.toLowerCase(), index);
    if (!hit) break;
    if (!found.some((f) => f.key === hit.key)) found.push({ key: hit.key, at: offset + hit.at });
    offset += hit.at + hit.phrase.length;
    rest = rest.slice(hit.at + hit.phrase.length);
  }
  return found;
}

/** Injuries: structure, side, date. */
export function extractInjuries(text: string): NoteReply['injuries'] {
  const out: NoteReply['injuries'] = [];
  for (const s of sentences(text)) {
    if (FAMILY.test(s) || !INJURY_CUE.test(s)) continue;
    for (const { key, at } of phrasesIn(s, STRUCTURE_INDEX)) {
      // 'hamstring graft' names a donor site, not an injury ('ACL graft rupture' is one)
      if (negatedBefore(s, at) || (DONOR.has(key) && /^[\w\s]{0,20}?\bgraft\b/i.test(s.slice(at)))) continue;
      const side = sideNear(s, at);
      if (!out.some((o) => o.structure === key && o.side === side)) out.push({ structure: key, side, date: dateIn(s.slice(at)) ?? dateIn(s) });
    }
  }
  return out;
}

/** Surgeries: canonical procedure, side, date. */
export function extractSurgeries(text: string): NoteReply['surgeries'] {
  const out: NoteReply['surgeries'] = [];
  for (const s of sentences(text)) {
    if (FAMILY.test(s) || !SURGERY_CUE.test(s)) continue;
    for (const hit of phrasesIn(s, PROCEDURE_INDEX)) {
      if (negatedBefore(s, hit.at) || PLANNED.test(s.slice(hit.at, hit.at + 60))) continue;
      const side = sideNear(s, hit.at) ?? sideNear(s, hit.at, Infinity);
      if (!out.some((o) => o.procedure === hit.key && o.side === side)) out.push({ procedure: hit.key, side, date: dateIn(s.slice(hit.at)) ?? dateIn(s) });
    }
  }
  return out;
}

const ROM_CUE = /\b(limited|restricted|restriction|reduced|lacks?|lacking|deficit|loss|only|rom|range of motion|max(?:imum)?|to|end[- ]range|stiff)\b/i;

/** Range-of-motion restrictions: joint, side, motion and the angle the note states. */
export function extractRomRestrictions(text: string): NoteReply['rom_restrictions'] {
  const out: NoteReply['rom_restrictions'] = [];
  for (const s of sentences(text)) {
    if (!ROM_CUE.test(s) && !/\d\s*(?:–|-|to)\s*\d{1,3}\s*(?:°|deg|degrees)/i.test(s)) continue;
    // each "<joint> <motion> … <n>°" clause; clauses split at commas/‘and’ so one sentence can hold several
    for (const clause of s.split(/,\s*|\band\b|;/)) {
      const angle = /(?:(-?\d{1,3})\s*(?:–|-|to)\s*)?(-?\d{1,3})\s*(?:°|deg\b|degrees?\b|º)/i.exec(clause);
      if (!angle) continue;
      const joint = findPhrase(clause.toLowerCase(), JOINT_INDEX) ?? findPhrase(s.toLowerCase(), JOINT_INDEX);
      if (!joint) continue;
      const motion = findPhrase(clause.toLowerCase(), MOTION_INDEX);
      const side = sideNear(clause, joint.at, Infinity) ?? sideNear(s, s.toLowerCase().indexOf(joint.phrase));
      if (!ROM_CUE.test(clause) && !ROM_CUE.test(s) && angle[1] === undefined) continue;
      out.push({ joint: joint.key, side, motion: motion ? motion.key : null, limit_deg: Number(angle[2]) });
    }
  }
  return out;
}

const ABSENT_CUE = /\b(absent|absence|missing|amputat\w*|loss of|aplasia|congenitally absent|ray resection|lost)\b/i;
const EXTRA_CUE = /\b(polydactyly|extra|supernumerary|accessory|sixth|six (?:fingers|toes)|duplicated|duplication)\b/i;

/** Absent or extra fingers and toes. */
export function extractDigits(text: string): NoteReply['digits'] {
  const out: NoteReply['digits'] = [];
  for (const s of sentences(text)) {
    const absent = ABSENT_CUE.exec(s);
    const extra = EXTRA_CUE.exec(s);
    if (!absent && !extra) continue;
    const limbWord = /\b(fingers?|thumbs?|hands?|toes?|hallux|foot|feet)\b/i.exec(s);
    if (!limbWord) continue;
    if (negatedBefore(s, (absent ?? extra)?.index ?? 0)) continue;
    const limb = /^(finger|thumb|hand)/i.test(limbWord[1]) ? 'hand' : 'foot';
    const side = sideNear(s, limbWord.index);
    if (extra && !absent) {
      out.push({ limb, side, digit: null, status: 'extra' });
      continue;
    }
    const wordRe = new RegExp(`\\b(${Object.keys(DIGIT_WORDS).map((w) => w.replace(' ', '\\s')).join('|')})\\b`, 'gi');
    const digits = new Set<number>();
    for (let m = wordRe.exec(s); m !== null; m = wordRe.exec(s)) {
      // 'first' only counts when it names a digit ('first toe'), not 'first seen'
      const after = s.slice(m.index + m[0].length, m.index + m[0].length + 14);
      if (/^(first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)$/i.test(m[1]) && !/^\s*(toe|finger|digit|ray|metatarsal)/i.test(after)) continue;
      digits.add(DIGIT_WORDS[m[1].toLowerCase().replace(/\s+/g, ' ')]);
    }
    if (/\bthumb/i.test(limbWord[1])) digits.add(1);
    for (const d of digits) out.push({ limb, side, digit: d, status: 'absent' });
  }
  return out;
}

const DRUG_PATTERNS: Array<[string, RegExp]> = [...MEDICATIONS].sort((a, b) => b.length - a.length).map((d) => [d, new RegExp(`\\b${d}\\b`)]);

/** Medications from a 'Medications:' list and known drug names anywhere, with their dose when written. */
export function extractMedications(text: string): NoteReply['medications'] {
  const out: NoteReply['medications'] = [];
  const add = (name: string, dose: string | null): void => {
    const n = name.toLowerCase().trim();
    if (n !== '' && !out.some((o) => o.name === n)) out.push({ name: n, dose });
  };
  const doseAfter = (s: string, at: number): string | null =>
    /^\s*(\d+(?:\.\d+)?\s*(?:mg|mcg|µg|g|ml|iu|units|%)(?:\s*(?:\/\s*\w+|daily|bd|bid|tds|tid|od|qd|prn|nocte|weekly|twice daily|once daily))?)/i.exec(s.slice(at))?.[1] ?? null;
  for (const s of sentences(text)) {
    const lower = s.toLowerCase();
    const covered: Array<[number, number]> = []; // 'oral contraceptive' inside 'combined oral contraceptive' is one drug
    for (const [drug, re] of DRUG_PATTERNS) {
      if (!lower.includes(drug)) continue;
      const at = lower.search(re);
      if (at < 0 || (negatedBefore(s, at) && !/\b(takes|taking|on)\b/i.test(s))) continue;
      if (covered.some(([a, b]) => at >= a && at + drug.length <= b)) continue;
      covered.push([at, at + drug.length]);
      add(drug, doseAfter(s, at + drug.length));
    }
  }
  const lowerText = text.toLowerCase();
  const firstAt = new Map(out.map((o) => [o.name, lowerText.indexOf(o.name)]));
  out.sort((a, b) => (firstAt.get(a.name) ?? 0) - (firstAt.get(b.name) ?? 0)); // in order of mention
  return out;
}
