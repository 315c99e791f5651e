import { useState } from 'react';
import { CheckPanel } from '../cohorts/CheckPanel';
import { GalleryPanel } from '../cohorts/Gallery';
import { GeneratePanel } from '../cohorts/GeneratePanel';
import { EmptyState } from '../components/EmptyState';

export function Cohorts() {
  const [dataset, setDataset] = useState('');
  return (
    <section className="workspace" aria-label="Cohorts">
      <h2>Cohorts</h2>
      <EmptyState title="Synthetic cohorts">
        Virtual cohorts fitted to real anthropometry — with condition quotas, labelled samples, validation against held-out
        data and privacy checks. Generate one with <code>kinetwin generate cohort</code>; check any synthetic table below.
      </EmptyState>
      <GeneratePanel onGenerated={setDataset} />
      <CheckPanel key={dataset} initialSynthetic={dataset} />
      <GalleryPanel dataset={dataset} />
    </section>
  );
}
