import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

// Append-only audit log where each row's hash covers the previous row's hash (a hash chain):
// editing, deleting or reordering any row breaks every hash after it.
export interface AuditRow {
  id: number;
  ts: string;
  actor: string;
  action: string;
  details: string;
  prev_hash: string;
  hash: string;
}

const GENESIS = '0'.repeat(64);

export function auditRowHash(prevHash: string, row: Pick<AuditRow, 'id' | 'ts' | 'actor' | 'action' | 'details'>): string {
  const canonical = JSON.stringify([row.id, row.ts, row.actor, row.action, row.details]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

/** Appends one audit entry; call inside the transaction of the change it records. */
export function appendAudit(db: Database.Database, actor: string, action: string, details: unknown, now = new Date()): AuditRow {
  const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  const row = {
    id: (last?.id ?? 0) + 1,
    ts: now.toISOString(),
    actor,
    action,
    details: JSON.stringify(details ?? {}),
  };
  const prev = last?.hash ?? GENESIS;
  const hash = auditRowHash(prev, row);
  db.prepare('INSERT INTO audit_log (id, ts, actor, action, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    row.id, row.ts, row.actor, row.action, row.details, prev, hash,
  );
  return { ...row, prev_hash: prev, hash };
}

export interface AuditVerification {
  ok: boolean;
  rows: number;
  firstBadId: number | null;
  problem: string | null;
}

/** Recomputes the chain from the first row; reports the first row whose link or content does not match. */
export function verifyAudit(db: Database.Database): AuditVerification {
  const rows = db.prepare('SELECT id, ts, actor, action, details, prev_hash, hash FROM audit_log ORDER BY id').all() as AuditRow[];
  let prev = GENESIS;
  let expectedId = 1;
  for (const row of rows) {
    if (row.id !== expectedId) return { ok: false, rows: rows.length, firstBadId: row.id, problem: `row ${expectedId} is missing` };
    if (row.prev_hash !== prev) return { ok: false, rows: rows.length, firstBadId: row.id, problem: `row ${row.id} does not link to the row before it` };
    if (auditRowHash(prev, row) !== row.hash) return { ok: false, rows: rows.length, firstBadId: row.id, problem: `row ${row.id} was edited after it was written` };
    prev = row.hash;
    expectedId += 1;
  }
  return { ok: true, rows: rows.length, firstBadId: null, problem: null };
}
