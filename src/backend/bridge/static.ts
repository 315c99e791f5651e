import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { contentSecurityPolicy } from '../csp';

// Serves the built renderer (out/renderer) with a strict CSP; unknown paths fall back to index.html.
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export function securityHeaders(port: number): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy([`ws://127.0.0.1:${port}`, `ws://localhost:${port}`]),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Cache-Control': 'no-store',
  };
}

export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = resolve(root, '.' + normalize('/' + decoded));
  if (full !== resolve(root) && !full.startsWith(resolve(root) + sep)) return null;
  if (existsSync(full) && statSync(full).isFile()) return full;
  return null;
}

export function serveStatic(root: string, urlPath: string, res: ServerResponse, port: number): void {
  const file = resolveStaticPath(root, urlPath) ?? resolveStaticPath(root, '/index.html');
  if (!file) {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders(port) });
    res.end(`The renderer is not built (looked in ${join(root)}). Run: npm run build\n`);
    return;
  }
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', ...securityHeaders(port) });
  createReadStream(file).pipe(res);
}
