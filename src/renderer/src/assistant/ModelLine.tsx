// One line naming what answered: the model (name, short digest, prompt version) or the rules.
export function ModelLine({ provenance, notice }: { provenance: unknown; notice: string | null }) {
  const p = provenance as { model?: string; digest?: string | null; promptVersion?: string } | null;
  return (
    <p className="muted" data-testid="assistant-model">
      {p?.model ? <>Model <code>{p.model}</code> {p.digest ? <code>{p.digest.slice(0, 19)}</code> : '(no digest)'} · prompt {p.promptVersion}</> : 'Rules only (no model answered)'}
      {notice && <> — {notice}</>}
    </p>
  );
}
