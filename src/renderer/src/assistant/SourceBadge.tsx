import type { Badge } from './assistantStore';

const TITLES: Record<Badge, string> = {
  llm: 'Proposed by the local model',
  rules: 'Proposed by the deterministic rules',
  user: 'Edited by you',
  remembered: 'Confirmed by you before (no model asked)',
};

export function SourceBadge({ source }: { source: Badge }) {
  return <span className={`badge badge-${source}`} title={TITLES[source]}>{source}</span>;
}
