import { confirmExtraction, confirmMapping, listArtifacts } from '../../services/assistant';
import type { Handlers } from './types';

export const assistantHandlers: Handlers<'llmConfirmMapping' | 'llmConfirmExtraction' | 'listArtifacts'> = {
  llmConfirmMapping: async (req, ctx) => confirmMapping(ctx.store(), req),
  llmConfirmExtraction: async (req, ctx) => confirmExtraction(ctx.store(), ctx.secret(), req),
  listArtifacts: async (req, ctx) => ({ artifacts: listArtifacts(ctx.store().db, req.kind, req.limit) }),
};
