import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createContext } from '../../../src/backend/api/createContext';
import { isAllowedHost, isAllowedOrigin } from '../../../src/backend/bridge/guards';
import { startBridge, type Bridge } from '../../../src/backend/bridge/server';
import { KinetwinError } from '../../../src/core/errors';
import { tempDir } from '../../helpers/tmp';

const open: Bridge[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function bridge(): Promise<Bridge> {
  const dir = tempDir();
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Kinetwin</title>');
  const b = await startBridge({ port: 0, rendererDir: join(dir, 'renderer'), context: createContext({ mode: 'browser', dbPath: join(dir, 'k.db') }) });
  open.push(b);
  return b;
}

/** Raw HTTP so that the Host and Origin headers can be forged. */
function raw(port: number, path: string, opts: { method?: string; host?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: opts.method ?? 'POST', headers: { Host: opts.host ?? `127.0.0.1:${port}`, 'Content-Type': 'application/json', ...opts.headers } },
      (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end((opts.method ?? 'POST') === 'POST' ? (opts.body ?? '{}') : undefined);
  });
}

describe('loopback bridge', () => {
  it('binds to 127.0.0.1 and prints a URL carrying the token in the fragment', async () => {
    const b = await bridge();
    expect(b.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(b.url).toBe(`http://127.0.0.1:${b.port}/#token=${b.token}`);
    expect(b.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers 401 to every /api/ call without the token or with a wrong one', async () => {
    const b = await bridge();
    expect((await raw(b.port, '/api/health')).status).toBe(401);
    expect((await raw(b.port, '/api/health', { headers: { Authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await raw(b.port, '/api/listTrials', { headers: { Authorization: `Bearer ${b.token.slice(1)}` } })).status).toBe(401);
    const ok = await raw(b.port, '/api/health', { headers: { Authorization: `Bearer ${b.token}` } });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true });
  });

  it('refuses requests whose Host header is not loopback (DNS rebinding) even with the token', async () => {
    const b = await bridge();
    const auth = { Authorization: `Bearer ${b.token}` };
    expect((await raw(b.port, '/api/health', { host: `evil.example:${b.port}`, headers: auth })).status).toBe(403);
    expect((await raw(b.port, '/', { method: 'GET', host: `attacker.test:${b.port}` })).status).toBe(403);
    expect((await raw(b.port, '/api/health', { headers: { ...auth, Origin: 'http://evil.example' } })).status).toBe(403);
    expect((await raw(b.port, '/api/health', { host: `localhost:${b.port}`, headers: auth })).status).toBe(200);
  });

  it('answers a wrong-shaped call with 400 and the zod message, and keeps serving', async () => {
    const b = await bridge();
    const auth = { Authorization: `Bearer ${b.token}` };
    const bad = await raw(b.port, '/api/auditLog', { headers: auth, body: '{"limit":"x"}' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error).toMatch(/invalid auditLog request: limit/);
    expect((await raw(b.port, '/api/auditLog', { headers: auth, body: '{not json' })).status).toBe(400);
    expect((await raw(b.port, '/api/noSuchThing', { headers: auth })).status).toBe(404);
    expect((await raw(b.port, '/api/health', { headers: auth })).status).toBe(200);
  });

  it('serves the renderer with a strict CSP and never a file outside its directory', async () => {
    const b = await bridge();
    const page = await raw(b.port, '/', { method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Kinetwin</title>');
    expect(String(page.headers['content-security-policy'])).toMatch(/default-src 'self'.*'wasm-unsafe-eval'/);
    const traversal = await raw(b.port, '/..%2f..%2f..%2fetc%2fpasswd', { method: 'GET' });
    expect(traversal.body).not.toContain('root:');
  });

  it('streams progress events over the WebSocket only with the token', async () => {
    const b = await bridge();
    const refused = await new Promise<string>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${b.port}/api/events`);
      ws.on('error', (e) => resolve(e.message));
      ws.on('open', () => resolve('opened'));
    });
    expect(refused).toMatch(/401/);
    const hello = await new Promise<string>((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${b.port}/api/events?token=${b.token}`);
      ws.on('message', (m) => {
        resolve(String(m));
        ws.close();
      });
      ws.on('error', reject);
    });
    expect(JSON.parse(hello)).toEqual({ type: 'hello' });
  });

  it('reports a port already in use as a clear KinetwinError', async () => {
    const a = await bridge();
    const dir = tempDir();
    const err = await startBridge({ port: a.port, rendererDir: dir, context: createContext({ mode: 'browser', dbPath: ':memory:' }) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KinetwinError);
    expect((err as Error).message).toBe(`port ${a.port} is already in use on 127.0.0.1 (choose another with --port N)`);
  });

  it('host and origin guards accept only this port on loopback names', () => {
    expect(isAllowedHost('127.0.0.1:8080', 8080)).toBe(true);
    expect(isAllowedHost('[::1]:8080', 8080)).toBe(true);
    expect(isAllowedHost('127.0.0.1:8081', 8080)).toBe(false);
    expect(isAllowedHost('kinetwin.evil.com:8080', 8080)).toBe(false);
    expect(isAllowedHost(undefined, 8080)).toBe(false);
    expect(isAllowedOrigin(undefined, 8080)).toBe(true);
    expect(isAllowedOrigin('http://localhost:8080', 8080)).toBe(true);
    expect(isAllowedOrigin('null', 8080)).toBe(false);
  });
});
