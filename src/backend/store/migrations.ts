import type Database from 'better-sqlite3';

// Versioned schema migrations, applied in order inside one transaction each (PRAGMA user_version = version).
// Never edit a shipped migration: add a new one.
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      -- pseudonymous subjects: no names, no birth dates; anthropometrics in SI as JSON
      CREATE TABLE subjects (
        id INTEGER PRIMARY KEY,
        pseudonym TEXT NOT NULL UNIQUE,
        sex TEXT CHECK (sex IN ('f', 'm', 'u')) NOT NULL DEFAULT 'u',
        anthropometrics TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL
      );
      CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        subject_id INTEGER REFERENCES subjects(id) ON DELETE CASCADE,
        label TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE trials (
        id INTEGER PRIMARY KEY,
        session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
        subject_id INTEGER REFERENCES subjects(id) ON DELETE SET NULL,
        label TEXT NOT NULL,
        source_sha256 TEXT NOT NULL UNIQUE CHECK (length(source_sha256) = 64),
        format TEXT NOT NULL,
        metadata TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL
      );
      -- typed arrays as blobs: dtype, shape (JSON array), units (JSON), rate (Hz)
      CREATE TABLE signals (
        id INTEGER PRIMARY KEY,
        trial_id INTEGER NOT NULL REFERENCES trials(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        dtype TEXT NOT NULL CHECK (dtype IN ('f32', 'f64', 'i8', 'u8', 'i16', 'u16', 'i32', 'u32')),
        shape TEXT NOT NULL,
        units TEXT NOT NULL DEFAULT '""',
        rate REAL,
        labels TEXT NOT NULL DEFAULT '[]',
        data BLOB NOT NULL,
        UNIQUE (trial_id, kind, name)
      );
      CREATE TABLE artifacts (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        label TEXT NOT NULL,
        sha256 TEXT,
        location TEXT,
        params TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL
      );
      -- lineage edges: child was derived from parent with these parameters
      CREATE TABLE provenance (
        id INTEGER PRIMARY KEY,
        child_kind TEXT NOT NULL,
        child_id TEXT NOT NULL,
        parent_kind TEXT NOT NULL,
        parent_id TEXT NOT NULL,
        relation TEXT NOT NULL,
        parameters TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL
      );
      CREATE INDEX provenance_child ON provenance (child_kind, child_id);
      CREATE INDEX provenance_parent ON provenance (parent_kind, parent_id);
      -- append-only, hash-chained: hash = sha256(prev_hash || canonical row)
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        ts TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        details TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `,
  },
  {
    version: 2,
    name: 'remembered header mappings',
    sql: `
      CREATE TABLE header_mappings (
        header_key TEXT PRIMARY KEY,
        field TEXT,
        unit TEXT,
        source TEXT NOT NULL CHECK (source IN ('llm', 'rules', 'user')),
        created_at TEXT NOT NULL
      );
    `,
  },
];

export function currentVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every migration newer than the database, each in its own transaction. Returns the versions applied. */
export function migrate(db: Database.Database, list: Migration[] = migrations): number[] {
  const applied: number[] = [];
  for (const m of [...list].sort((a, b) => a.version - b.version)) {
    if (m.version <= currentVersion(db)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push(m.version);
  }
  return applied;
}
