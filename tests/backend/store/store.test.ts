import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { KinetwinError } from '../../../src/core/errors';
import { appendAudit, verifyAudit } from '../../../src/backend/store/audit';
import { currentVersion, migrate, migrations } from '../../../src/backend/store/migrations';
import { openStore } from '../../../src/backend/store/store';
import { insertSignal, readSignals } from '../../../src/backend/store/signals';
import { pseudonymFor } from '../../../src/backend/store/pseudonym';
import { tempDir } from '../../helpers/tmp';

const TABLES = ['subjects', 'sessions', 'trials', 'signals', 'artifacts', 'provenance', 'audit_log', 'settings', 'header_mappings'];

describe('store', () => {
  it('migrates an empty database to the latest schema version with every table', () => {
    const db = new Database(':memory:');
    expect(currentVersion(db)).toBe(0);
    const applied = migrate(db);
    expect(applied).toEqual(migrations.map((m) => m.version));
    expect(currentVersion(db)).toBe(Math.max(...migrations.map((m) => m.version)));
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    for (const t of TABLES) expect(names).toContain(t);
    expect(migrate(db)).toEqual([]);
  });

  it('opens with WAL journaling and foreign keys enforced', () => {
    const store = openStore(join(tempDir(), 'k.db'));
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => store.db.prepare("INSERT INTO signals (trial_id, kind, name, dtype, shape, data) VALUES (999, 'x', 'y', 'f32', '[1]', x'00000000')").run()).toThrow(/FOREIGN KEY/);
    store.close();
  });

  it('a transaction that throws leaves no rows, not even its audit entry', () => {
    const store = openStore(join(tempDir(), 'k.db'));
    expect(() =>
      store.write('subjects.add', {}, (db) => {
        db.prepare("INSERT INTO subjects (pseudonym, created_at) VALUES ('S-1', 'now')").run();
        throw new Error('disk on fire');
      }),
    ).toThrow('disk on fire');
    expect(store.db.prepare('SELECT count(*) AS n FROM subjects').get()).toEqual({ n: 0 });
    expect(store.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 0 });
    store.close();
  });

  it('audit chain verifies when intact and detects an edited row', () => {
    const db = new Database(':memory:');
    migrate(db);
    for (let i = 0; i < 5; i++) appendAudit(db, 'user', `action-${i}`, { i });
    expect(verifyAudit(db)).toEqual({ ok: true, rows: 5, firstBadId: null, problem: null });
    expect(() => db.prepare("UPDATE audit_log SET details = '{}' WHERE id = 3").run()).toThrow(/append-only/);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare(`UPDATE audit_log SET details = '{"i":99}' WHERE id = 3`).run();
    const v = verifyAudit(db);
    expect(v.ok).toBe(false);
    expect(v.firstBadId).toBe(3);
    expect(v.problem).toMatch(/edited/);
  });

  it('audit chain detects a deleted row', () => {
    const db = new Database(':memory:');
    migrate(db);
    for (let i = 0; i < 4; i++) appendAudit(db, 'user', 'a', { i });
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE id = 2').run();
    expect(verifyAudit(db)).toMatchObject({ ok: false, firstBadId: 3, problem: 'row 2 is missing' });
  });

  it('stores typed arrays as blobs and reads the same values back', () => {
    const store = openStore(':memory:');
    const trialId = Number(store.db.prepare("INSERT INTO trials (label, source_sha256, format, created_at) VALUES ('t', ?, 'c3d', 'now')").run('a'.repeat(64)).lastInsertRowid);
    const data = new Float32Array([1.5, Number.NaN, -3, 4, 5, 6]);
    insertSignal(store.db, { trialId, kind: 'points', name: 'markers', data, shape: [1, 2, 3], units: 'm', rate: 100, labels: ['A', 'B'] });
    const [back] = readSignals(store.db, trialId);
    expect(back!.data).toBeInstanceOf(Float32Array);
    expect(Array.from(back!.data)).toEqual(Array.from(data));
    expect(back!.shape).toEqual([1, 2, 3]);
    expect(() => insertSignal(store.db, { trialId, kind: 'x', name: 'bad', data, shape: [4], units: '', rate: null, labels: [] })).toThrow(/shape/);
  });

  it('refuses an unwritable database location with a KinetwinError naming the path', () => {
    // a regular file where a directory should be: unwritable for every user, root included
    const blocker = join(tempDir(), 'not-a-directory');
    writeFileSync(blocker, 'x');
    const target = join(blocker, 'k.db');
    try {
      openStore(target);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(KinetwinError);
      expect((err as KinetwinError).file).toBe(target);
    }
  });

  it('pseudonyms are stable per secret, differ across secrets and never contain the name', () => {
    const a = Buffer.alloc(32, 1);
    const b = Buffer.alloc(32, 2);
    expect(pseudonymFor(a, 'Jane Doe')).toBe(pseudonymFor(a, '  jane   DOE '));
    expect(pseudonymFor(a, 'Jane Doe')).not.toBe(pseudonymFor(b, 'Jane Doe'));
    expect(pseudonymFor(a, 'Jane Doe')).toMatch(/^S-[A-Z0-9]{10}$/);
    expect(pseudonymFor(a, 'Jane Doe').toLowerCase()).not.toContain('jane');
  });
});
