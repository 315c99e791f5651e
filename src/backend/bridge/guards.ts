import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// Checks every bridge request must pass: a loopback Host header (DNS-rebinding guard), a same-origin Origin
// when the browser sends one (CSRF guard) and, under /api/, the per-launch token.
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  const h = hostHeader.toLowerCase();
  return LOOPBACK_HOSTS.some((name) => h === `${name}:${port}`);
}

export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true; // non-browser clients (curl, tests) send none
  return LOOPBACK_HOSTS.some((name) => origin.toLowerCase() === `http://${name}:${port}`);
}

export function tokenFromRequest(req: IncomingMessage, url: URL): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  const header = req.headers['x-kinetwin-token'];
  if (typeof header === 'string') return header;
  return url.searchParams.get('token');
}

export function tokenMatches(given: string | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
