import { describe, expect, it } from 'vitest';
import { assertHostAllowed, isLoopbackHostname, llmSettingsFromStore, normaliseHost, resolveLlmConfig } from '../../../src/backend/llm/policy';

describe('Ollama host policy', () => {
  it('accepts loopback names and addresses only', () => {
    for (const h of ['localhost', '127.0.0.1', '127.3.4.5', '::1', '[::1]', '::ffff:127.0.0.1']) expect(isLoopbackHostname(h), h).toBe(true);
    for (const h of ['0.0.0.0', '10.0.0.5', '128.0.0.1', 'example.com', '::', 'localhost.example.com']) expect(isLoopbackHostname(h), h).toBe(false);
  });
  it('normalises hosts the way the ollama client does', () => {
    expect(normaliseHost('127.0.0.1').href).toBe('http://127.0.0.1:11434/');
    expect(normaliseHost(':11500').href).toBe('http://127.0.0.1:11500/');
    expect(normaliseHost('http://[::1]:8080').host).toBe('[::1]:8080');
    expect(() => normaliseHost('ftp://127.0.0.1')).toThrow(/only http and https/);
  });
  it('refuses other hosts with a message that says how to allow them', () => {
    expect(() => assertHostAllowed('http://192.168.1.20:11434', [])).toThrow(/refusing to send data.*add '192\.168\.1\.20' to llm\.allowedHosts/);
    expect(() => assertHostAllowed('http://192.168.1.20:11434', ['192.168.1.20'])).not.toThrow();
    expect(() => assertHostAllowed('http://localhost:11434', [])).not.toThrow();
  });
  it('resolves the host from the flag, then OLLAMA_HOST, then settings, then the default', () => {
    expect(resolveLlmConfig({ ollamaHost: '127.0.0.2:1' }, { host: 'localhost:2' }, { OLLAMA_HOST: '127.0.0.3:3' })).toMatchObject({ host: 'http://127.0.0.2:1', hostSource: 'flag' });
    expect(resolveLlmConfig({}, { host: 'localhost:2' }, { OLLAMA_HOST: '127.0.0.3:3' })).toMatchObject({ host: 'http://127.0.0.3:3', hostSource: 'env' });
    expect(resolveLlmConfig({}, { host: 'localhost:2' }, {})).toMatchObject({ host: 'http://localhost:2', hostSource: 'settings' });
    expect(resolveLlmConfig({}, {}, {})).toMatchObject({ host: 'http://127.0.0.1:11434', hostSource: 'default', model: 'llama3.2', temperature: 0, seed: 42 });
  });
  it("reads the store's settings; allowRemoteHost allows only the host named in settings", () => {
    const s = llmSettingsFromStore({ 'ollama.host': 'http://10.0.0.7:11434', 'ollama.model': 'qwen2.5:7b', 'ollama.allowRemoteHost': true, 'ollama.timeoutMs': 5000 });
    const c = resolveLlmConfig({}, s, {});
    expect(c).toMatchObject({ host: 'http://10.0.0.7:11434', model: 'qwen2.5:7b', requestTimeoutMs: 5000, allowedHosts: ['10.0.0.7'] });
    expect(() => assertHostAllowed(c.host, c.allowedHosts)).not.toThrow();
    expect(() => assertHostAllowed('http://10.0.0.8:11434', c.allowedHosts)).toThrow(/refusing/);
    expect(resolveLlmConfig({ noLlm: true }, s, {}).enabled).toBe(false);
  });
});
