// Subject names in labels ("Bob:LASI", SUBJECTS:LABEL_PREFIXES) are personal data: separate them from the
// labels so that the Trial carries none; the names go to metadata.extra.personal for the import layer.
import type { C3dParameters } from './parameters';
import { getStrings } from './paramAccess';

export interface SubjectSplit {
  labels: string[]; // labels without subject prefixes
  subjectOfLabel: number[]; // per label: index into `names`, -1 for none
  names: string[]; // subject names found (SUBJECTS:NAMES, label prefixes, EVENT:SUBJECTS)
}

/** Strips SUBJECTS:LABEL_PREFIXES (or "name:" prefixes) from labels and collects subject names. */
export function splitSubjects(params: C3dParameters, labels: string[]): SubjectSplit {
  const names: string[] = [];
  const addName = (n: string): number => {
    const name = n.trim();
    if (!name) return -1;
    let i = names.indexOf(name);
    if (i < 0) i = names.push(name) - 1;
    return i;
  };
  const stated = getStrings(params, 'SUBJECTS', 'NAMES') ?? [];
  const prefixes = (getStrings(params, 'SUBJECTS', 'LABEL_PREFIXES') ?? []).map((p) => p.trim());
  stated.forEach((n) => addName(n));
  for (const n of getStrings(params, 'EVENT', 'SUBJECTS') ?? []) addName(n);
  const out: string[] = [];
  const subjectOfLabel: number[] = [];
  for (const label of labels) {
    const prefixIndex = prefixes.findIndex((p) => p.length > 0 && label.startsWith(p));
    if (prefixIndex >= 0) {
      const prefix = prefixes[prefixIndex];
      const named = stated[prefixIndex]?.trim() || prefix.replace(/:$/, '');
      subjectOfLabel.push(addName(named));
      out.push(label.slice(prefix.length));
      continue;
    }
    const colon = label.indexOf(':');
    if (colon > 0 && colon < label.length - 1) {
      subjectOfLabel.push(addName(label.slice(0, colon)));
      out.push(label.slice(colon + 1));
      continue;
    }
    subjectOfLabel.push(-1);
    out.push(label);
  }
  return { labels: out, subjectOfLabel, names };
}
