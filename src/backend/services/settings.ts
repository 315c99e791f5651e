import type { Db } from '../store/store';

// User settings as JSON values in the `settings` table.
export const DEFAULT_SETTINGS: Record<string, unknown> = {
  'ollama.host': 'http://127.0.0.1:11434',
  'ollama.model': 'llama3.2',
  'ollama.allowRemoteHost': false,
  'ollama.timeoutMs': 60_000,
  'llm.redact': true,
  'privacy.overfittingThreshold': 0.5,
};

export function readSettings(db: Db): Record<string, unknown> {
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const row of db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[]) {
    out[row.key] = JSON.parse(row.value) as unknown;
  }
  return out;
}

export function writeSetting(db: Db, key: string, value: unknown): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}
