import { useState } from 'react';
import { getClient } from '../api/client';

// Rendered synthetic frames with their labels drawn over them: COCO keypoints (filled = visible, hollow =
// occluded), the skeleton edges and the bounding box; the per-segment mask on demand.
type Gallery = Awaited<ReturnType<typeof ofDataset>>;
const ofDataset = (dataset: string) => getClient().call('datasetGallery', { dataset, limit: 12 });
const render = async (seed: number): Promise<Gallery> => {
  const g = await getClient().call('renderGallery', { n: 8, seed, size: 192 });
  return { ...g, height: g.size, frames: g.frames.map((f) => ({ ...f, caption: `#${f.index}` })) };
};

export function GalleryPanel({ dataset }: { dataset?: string }) {
  const [seed, setSeed] = useState(1);
  const [gallery, setGallery] = useState<Gallery | null>(null);
  const [showMask, setShowMask] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (source: 'random' | 'dataset') => {
    setBusy(true);
    setError(null);
    try {
      setGallery(source === 'dataset' && dataset ? await ofDataset(dataset) : await render(seed));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset className="form">
      <legend>Labelled renders (three.js offscreen)</legend>
      <label>Seed <input type="number" min={0} value={seed} onChange={(e) => setSeed(Number(e.target.value))} /></label>
      <label><input type="checkbox" checked={showMask} onChange={(e) => setShowMask(e.target.checked)} /> show segment masks</label>
      <div className="row"><button disabled={busy} onClick={() => void run('random')}>{busy ? 'Rendering…' : 'Render 8 samples'}</button>
        {dataset && <button disabled={busy} onClick={() => void run('dataset')}>Show the generated dataset's renders</button>}</div>
      {error && <p className="error">{error}</p>}
      {gallery && (
        <div className="gallery" data-testid="gallery">
          {gallery.frames.map((f) => (
            <figure key={f.index} className="tile">
              <img src={showMask ? f.mask : f.image} width={gallery.size} height={gallery.height} alt={`synthetic sample ${f.index}`} />
              <svg viewBox={`0 0 ${gallery.size} ${gallery.height}`} width={gallery.size} height={gallery.height} aria-label={`labels of sample ${f.index}`}>
                {f.bbox && <rect x={f.bbox[0]} y={f.bbox[1]} width={f.bbox[2]} height={f.bbox[3]} fill="none" stroke="#ffd166" strokeWidth={1} />}
                {gallery.skeleton.map(([a, b], i) => {
                  const va = f.keypoints[(a - 1) * 3 + 2]!, vb = f.keypoints[(b - 1) * 3 + 2]!;
                  return va > 0 && vb > 0 ? <line key={i} x1={f.keypoints[(a - 1) * 3]} y1={f.keypoints[(a - 1) * 3 + 1]} x2={f.keypoints[(b - 1) * 3]} y2={f.keypoints[(b - 1) * 3 + 1]} stroke="#5aa9ff" strokeWidth={1.2} /> : null;
                })}
                {gallery.keypointNames.map((name, k) => {
                  const v = f.keypoints[k * 3 + 2]!;
                  return v > 0 ? <circle key={name} cx={f.keypoints[k * 3]} cy={f.keypoints[k * 3 + 1]} r={2.5} fill={v === 2 ? '#7ee08a' : 'none'} stroke="#7ee08a"><title>{name}</title></circle> : null;
                })}
              </svg>
              <figcaption>{f.caption} · {f.keypoints.filter((_, i) => i % 3 === 2).filter((v) => v === 2).length} visible</figcaption>
            </figure>
          ))}
        </div>
      )}
    </fieldset>
  );
}
