import { useEffect, useRef, useState } from 'react';
import { getClient, newJobId } from '../api/client';

// Generate a labelled synthetic cohort into a directory, with progress and cancel; then show its lineage.
type Generated = Awaited<ReturnType<typeof generate>>;
type Task = 'drop-landing' | 'cmj' | 'hand-poses' | 'gait';
const generate = ({ render, ...r }: { out: string; n: number; seed: number; task: Task; render: boolean }, jobId: string) =>
  getClient().call('generateDataset', { ...r, ...(render ? { spec: { render: { width: 192, height: 192, cameras: 2 } } } : {}) }, { jobId });
type Lineage = Awaited<ReturnType<typeof lineage>>;
const lineage = (dataset: string) => getClient().call('datasetLineage', { dataset });

export function GeneratePanel({ onGenerated }: { onGenerated: (dir: string) => void }) {
  const [form, setForm] = useState({ out: '', n: 20, seed: 1, task: 'drop-landing' as Task, render: false });
  const [job, setJob] = useState<string | null>(null);
  const jobRef = useRef<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number; phase: string } | null>(null);
  const [result, setResult] = useState<{ generated: Generated; lineage: Lineage | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => getClient().onProgress((p) => p.jobId === jobRef.current && setProgress(p)), []);
  const run = async () => {
    const jobId = newJobId();
    jobRef.current = jobId;
    setJob(jobId);
    setError(null);
    setResult(null);
    try {
      const generated = await generate(form, jobId);
      const lin = await lineage(generated.dir).catch(() => null);
      setResult({ generated, lineage: lin });
      onGenerated(generated.dir);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      jobRef.current = null;
      setJob(null);
      setProgress(null);
    }
  };
  return (
    <fieldset className="form">
      <legend>Generate a synthetic cohort</legend>
      <label>Output directory <input value={form.out} placeholder="/path/to/new/dataset" onChange={(e) => setForm({ ...form, out: e.target.value })} /></label>
      <label>Task
        <select value={form.task} onChange={(e) => setForm({ ...form, task: e.target.value as typeof form.task })}>
          <option value="drop-landing">drop landing</option><option value="cmj">countermovement jump</option><option value="hand-poses">hand poses</option><option value="gait">gait</option>
        </select>
      </label>
      <label>Subjects <input type="number" min={1} value={form.n} onChange={(e) => setForm({ ...form, n: Number(e.target.value) })} /></label>
      <label>Seed <input type="number" min={0} value={form.seed} onChange={(e) => setForm({ ...form, seed: Number(e.target.value) })} /></label>
      <label><input type="checkbox" checked={form.render} disabled={form.task === 'hand-poses'} onChange={(e) => setForm({ ...form, render: e.target.checked })} /> render labelled images (2 cameras, 192 × 192, RGB + mask + depth, COCO keypoints)</label>
      <div className="row">
        <button disabled={job !== null || !form.out} onClick={() => void run()}>{job ? 'Generating…' : 'Generate'}</button>
        {job && <button onClick={() => void getClient().cancel(job)}>Cancel</button>}
        {progress && <progress max={progress.total} value={progress.done} aria-label="Generation progress" />}
      </div>
      {error && <p className="error">{error}</p>}
      {result && (
        <dl className="facts" data-testid="generated">
          <dt>Dataset</dt><dd><code>{result.generated.dir}</code></dd>
          <dt>Made</dt><dd>{result.generated.subjects} subjects · {result.generated.samples} samples · {result.generated.files} files in {result.generated.seconds.toFixed(1)} s</dd>
          <dt>Spec hash</dt><dd><code>{result.generated.specHash.slice(0, 16)}</code></dd>
          <dt>Digest</dt><dd><code>{result.generated.digest.slice(0, 16)}</code></dd>
          {result.lineage && <><dt>Lineage</dt><dd>{result.lineage.provenance.datasetEdges.map((e) => `${e.relation} ← ${e.parentKind} ${e.parentId.slice(0, 12)}`).join(' · ')} · {result.lineage.provenance.subjectEdges} subject edges</dd></>}
        </dl>
      )}
    </fieldset>
  );
}
