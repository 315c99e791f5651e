// A loopback HTTP server that speaks the slice of Ollama's API Kinetwin uses (/api/tags, /api/chat), with
// scripted replies, so the model path is tested without a model.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatCall {
  model: string;
  messages: Array<{ role: string; content: string }>;
  format: unknown;
  options: { temperature?: number; seed?: number; num_ctx?: number };
  stream: boolean;
}

/** What the server answers to one /api/chat call: reply content, an HTTP error, or a stall. */
export type ChatScript = { content: string } | { status: number; error: string } | { stallMs: number };

export interface FakeOllama {
  host: string; // http://127.0.0.1:<port>
  calls: ChatCall[];
  requests: string[]; // 'GET /api/tags', 'POST /api/chat', …
  close(): Promise<void>;
}

export const FAKE_DIGEST = 'sha256:6d1a0a1c4b0f2b5d8f0e3c2a9b7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d';

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString('utf8')));
    req.on('end', () => resolve(text));
  });
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

/** Start a fake Ollama on 127.0.0.1:0 that lists `models` and answers chats from `script` in order. */
export async function startFakeOllama(script: ChatScript[], models = ['llama3.2:latest']): Promise<FakeOllama> {
  const calls: ChatCall[] = [];
  const requests: string[] = [];
  let turn = 0;
  const server: Server = createServer(async (req, res) => {
    requests.push(`${req.method} ${req.url}`);
    if (req.method === 'GET' && req.url === '/api/tags') {
      json(res, 200, { models: models.map((name) => ({ name, model: name, modified_at: '2025-10-01T00:00:00Z', size: 2019393189, digest: FAKE_DIGEST, details: { family: 'llama', parameter_size: '3.2B', quantization_level: 'Q4_K_M' } })) });
      return;
    }
    if (req.method === 'POST' && req.url === '/api/chat') {
      const call = JSON.parse(await body(req)) as ChatCall;
      calls.push(call);
      const step = script[Math.min(turn++, script.length - 1)];
      if ('stallMs' in step) {
        setTimeout(() => json(res, 200, { model: call.model, message: { role: 'assistant', content: '{}' }, done: true }), step.stallMs).unref();
        return;
      }
      if ('status' in step) {
        json(res, step.status, { error: step.error });
        return;
      }
      json(res, 200, { model: call.model, created_at: '2025-10-01T00:00:00Z', message: { role: 'assistant', content: step.content }, done: true, done_reason: 'stop' });
      return;
    }
    json(res, 404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `http://127.0.0.1:${port}`,
    calls,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
