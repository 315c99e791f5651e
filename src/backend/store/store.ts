import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { KinetwinError } from '../../core/errors';
import { appendAudit, verifyAudit, type AuditVerification } from './audit';
import { migrate, currentVersion } from './migrations';

export type Db = Database.Database;

export interface Store {
  db: Db;
  path: string;
  schemaVersion: number;
  /** Runs `fn` in one transaction (rolled back when it throws) and appends the audit entry inside it. */
  write<T>(action: string, details: unknown, fn: (db: Db) => T, actor?: string): T;
  verifyAudit(): AuditVerification;
  close(): void;
}

function checkWritableLocation(path: string): void {
  if (path === ':memory:') return;
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) throw new KinetwinError('is a directory, not a database file', path);
    try {
      accessSync(path, constants.R_OK | constants.W_OK);
    } catch {
      throw new KinetwinError('database file is not writable', path);
    }
    return;
  }
  const dir = dirname(path);
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch {
    throw new KinetwinError(`cannot create the database: directory ${dir} is not writable`, path);
  }
}

/** Opens (creating and migrating when needed) the store: WAL journal, foreign keys on, busy timeout. */
export function openStore(path: string): Store {
  checkWritableLocation(path);
  let db: Db;
  try {
    // Electron builds point this at better-sqlite3 rebuilt for Electron's ABI (npm run rebuild:electron)
    const nativeBinding = process.env.KINETWIN_SQLITE_BINDING;
    db = new Database(path, nativeBinding ? { nativeBinding } : {});
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    migrate(db);
  } catch (err) {
    if (err instanceof KinetwinError) throw err;
    throw new KinetwinError(`cannot open the database: ${(err as Error).message}`, path);
  }
  return {
    db,
    path,
    schemaVersion: currentVersion(db),
    write<T>(action: string, details: unknown, fn: (d: Db) => T, actor = 'user'): T {
      return db.transaction(() => {
        const result = fn(db);
        appendAudit(db, actor, action, typeof details === 'function' ? (details as (r: T) => unknown)(result) : details);
        return result;
      })();
    },
    verifyAudit: () => verifyAudit(db),
    close: () => db.close(),
  };
}
