// Where each sample of a dataset lives: samples/<subject id>/<subject id>-<sample>.<ext>, sample zero-padded.

/** Digits used for sample numbers so names sort: at least 2. */
export function sampleDigits(samplesPerSubject: number): number {
  return Math.max(2, String(Math.max(0, samplesPerSubject - 1)).length);
}

/** Relative path (POSIX separators) of sample `k` of a subject, e.g. 'samples/S0042/S0042-03.json'. */
export function samplePath(subjectId: string, k: number, samplesPerSubject: number, ext: string): string {
  return `samples/${subjectId}/${subjectId}-${String(k).padStart(sampleDigits(samplesPerSubject), '0')}.${ext}`;
}

/** Relative path of a per-subject file holding all its samples, e.g. 'samples/S0042/S0042.jsonl'. */
export function subjectFilePath(subjectId: string, ext: string): string {
  return `samples/${subjectId}/${subjectId}.${ext}`;
}
