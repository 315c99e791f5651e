import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

// Names become pseudonyms by a keyed hash (HMAC-SHA-256) with a per-database secret kept in a key file
// beside the database, never inside it: the store alone cannot be dictionary-attacked back to names.
const ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';

export function keyPathFor(dbPath: string): string {
  return `${dbPath}.key`;
}

export function loadOrCreateSecret(dbPath: string): Buffer {
  if (dbPath === ':memory:') return randomBytes(32);
  const keyPath = keyPathFor(dbPath);
  if (existsSync(keyPath)) {
    const hex = readFileSync(keyPath, 'utf8').trim();
    if (/^[0-9a-f]{64}$/.test(hex)) return Buffer.from(hex, 'hex');
  }
  const secret = randomBytes(32);
  writeFileSync(keyPath, secret.toString('hex') + '\n', { mode: 0o600 });
  chmodSync(keyPath, 0o600);
  return secret;
}

export function normaliseName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** `S-XXXXXXXXXX`: 10 characters of the keyed hash of the normalised name. */
export function pseudonymFor(secret: Buffer, name: string): string {
  const digest = createHmac('sha256', secret).update(normaliseName(name)).digest();
  let out = 'S-';
  for (let i = 0; i < 10; i++) out += ALPHABET[digest[i]! % ALPHABET.length];
  return out;
}

/** A user-given pseudonym is kept when it looks like one (no spaces, short, no @); otherwise it is hashed too. */
export function acceptPseudonym(secret: Buffer, given: string): string {
  return /^[A-Za-z0-9_.-]{1,32}$/.test(given) && !/^[A-Z][a-z]+$/.test(given) ? given : pseudonymFor(secret, given);
}
