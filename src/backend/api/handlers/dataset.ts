import { generateDataset } from '../../services/dataset';
import { datasetLineage } from '../../services/dataset-lineage';
import { reproduceDataset } from '../../services/dataset-merge';
import type { Handlers } from './types';

export const datasetHandlers: Handlers<'generateDataset' | 'reproduceDataset' | 'datasetLineage'> = {
  generateDataset: async (req, ctx) =>
    generateDataset({ ...req, signal: ctx.signal, store: ctx.store(), onProgress: (done, total) => ctx.progress({ phase: 'subjects', done, total }) }),
  reproduceDataset: async (req, ctx) =>
    reproduceDataset(req.dir, { fit: req.fit, workers: req.workers, signal: ctx.signal, onProgress: (done, total) => ctx.progress({ phase: 'regenerating', done, total }) }),
  datasetLineage: async (req, ctx) => datasetLineage(ctx.store(), req.dataset),
};
