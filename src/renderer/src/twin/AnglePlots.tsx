import { useMemo } from 'react';
import { useStore } from 'zustand';
import { LinePlot } from '../components/LinePlot';
import { useClock } from '../store/useClock';
import { coordinateSeries, twinStore } from './twinStore';

const JOINTS = [
  { title: 'Hip flexion', base: 'hip_flexion' },
  { title: 'Knee flexion', base: 'knee_flexion' },
  { title: 'Ankle dorsiflexion', base: 'ankle_dorsiflexion' },
];
const RIGHT = '#ff6b6b', LEFT = '#5fd3ff';

// Hip, knee and ankle flexion, right and left, with the shared playback cursor.
export function AnglePlots() {
  const twin = useStore(twinStore, (s) => s.twin);
  const time = useClock();
  const plots = useMemo(() => {
    if (!twin) return [];
    return JOINTS.map((j) => ({
      ...j,
      series: (['r', 'l'] as const).flatMap((side) => {
        const v = coordinateSeries(twin, `${j.base}_${side}`);
        return v ? [{ label: `${j.base}_${side}`, values: v, color: side === 'r' ? RIGHT : LEFT }] : [];
      }),
    }));
  }, [twin]);
  if (!twin) return null;
  return (
    <div className="twin-angles" data-testid="twin-angles">
      {plots.map((p) => (
        <figure key={p.base} className="twin-plot" style={{ margin: '8px 0' }}>
          <figcaption>{p.title} <span style={{ color: RIGHT }}>■ right</span> <span style={{ color: LEFT }}>■ left</span></figcaption>
          <LinePlot series={p.series} rate={twin.rate} cursor={time} units="°" height={110} />
        </figure>
      ))}
    </div>
  );
}
