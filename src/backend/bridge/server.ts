import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { KinetwinError } from '../../core/errors';
import type { ApiContext } from '../api/context';
import { ApiError, callOperation } from '../api/dispatch';
import { isAllowedHost, isAllowedOrigin, tokenFromRequest, tokenMatches } from './guards';
import { securityHeaders, serveStatic } from './static';

// `kinetwin serve`: the renderer at `/`, the API at POST /api/<operation>, progress events on the
// WebSocket /api/events — bound to 127.0.0.1 only, every /api/ call authenticated by a per-launch token.
export interface BridgeOptions {
  port: number; // 0 = any free port
  rendererDir: string;
  context: ApiContext;
  token?: string;
  maxBodyBytes?: number;
}

export interface Bridge {
  server: Server;
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown, port: number): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...securityHeaders(port) });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new ApiError(400, `request body larger than ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const limit = options.maxBodyBytes ?? 32 * 1024 * 1024;
  const jobs = new Map<string, AbortController>();
  const sockets = new Set<WebSocket>();
  let port = options.port;

  const broadcast = (message: unknown) => {
    const text = JSON.stringify(message);
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(text);
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (!tokenMatches(tokenFromRequest(req, url), token)) return sendJson(res, 401, { error: 'missing or wrong token' }, port);
    const name = url.pathname.slice('/api/'.length);
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'use POST with a JSON body' }, port);
    let input: unknown = {};
    try {
      const body = await readBody(req, limit);
      input = body.trim() === '' ? {} : (JSON.parse(body) as unknown);
    } catch (err) {
      return sendJson(res, 400, { error: err instanceof ApiError ? err.message : 'request body is not valid JSON' }, port);
    }
    if (name === '_cancel') {
      const jobId = (input as { jobId?: unknown }).jobId;
      const job = typeof jobId === 'string' ? jobs.get(jobId) : undefined;
      job?.abort();
      return sendJson(res, 200, { cancelled: Boolean(job) }, port);
    }
    const headerJob = req.headers['x-kinetwin-job'];
    const jobId = typeof headerJob === 'string' && /^[\w-]{1,64}$/.test(headerJob) ? headerJob : randomUUID();
    const controller = new AbortController();
    jobs.set(jobId, controller);
    req.on('close', () => {
      if (!res.writableEnded) controller.abort();
    });
    const ctx: ApiContext = {
      ...options.context,
      signal: controller.signal,
      progress: (e) => broadcast({ type: 'progress', operation: name, jobId, ...e }),
    };
    try {
      const result = await callOperation(name, input, ctx);
      sendJson(res, 200, result, port);
    } catch (err) {
      if (err instanceof ApiError) sendJson(res, err.status, { error: err.message }, port);
      else if (err instanceof KinetwinError) sendJson(res, 422, { error: `${err.file ? err.file + ': ' : ''}${err.message}` }, port);
      else sendJson(res, 500, { error: `internal error: ${(err as Error).message}` }, port);
    } finally {
      jobs.delete(jobId);
    }
  };

  const server = createServer((req, res) => {
    if (!isAllowedHost(req.headers.host, port)) {
      res.writeHead(403, { 'Content-Type': 'text/plain' });
      res.end('refused: Host is not a loopback address of this server\n');
      return;
    }
    if (!isAllowedOrigin(req.headers.origin, port)) {
      res.writeHead(403, { 'Content-Type': 'text/plain' });
      res.end('refused: cross-origin request\n');
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) {
      void handleApi(req, res, url);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405);
      res.end();
      return;
    }
    serveStatic(options.rendererDir, url.pathname, res, port);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (
      url.pathname !== '/api/events' ||
      !isAllowedHost(req.headers.host, port) ||
      !isAllowedOrigin(req.headers.origin, port) ||
      !tokenMatches(tokenFromRequest(req, url), token)
    ) {
      socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.send(JSON.stringify({ type: 'hello' }));
    });
  });

  return new Promise((resolveStart, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') reject(new KinetwinError(`port ${options.port} is already in use on 127.0.0.1 (choose another with --port N)`));
      else if (err.code === 'EACCES') reject(new KinetwinError(`not allowed to listen on port ${options.port}`));
      else reject(err);
    });
    server.listen(options.port, '127.0.0.1', () => {
      const addr = server.address();
      port = typeof addr === 'object' && addr ? addr.port : options.port;
      resolveStart({
        server,
        port,
        token,
        url: `http://127.0.0.1:${port}/#token=${token}`,
        close: () =>
          new Promise<void>((done) => {
            for (const ws of sockets) ws.terminate();
            for (const j of jobs.values()) j.abort();
            wss.close();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
