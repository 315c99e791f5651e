import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../../src/backend/api/createContext';
import { operations, operationNames } from '../../../src/backend/api/contract/index';
import { ApiError, callOperation } from '../../../src/backend/api/dispatch';
import { handlers } from '../../../src/backend/api/handlers/index';
import { VERSION } from '../../../src/backend/version';
import { repoRoot } from '../../helpers/shared';

const ctx = () => createContext({ mode: 'cli', dbPath: ':memory:' });

describe('API dispatch', () => {
  it('every operation in the contract has a handler and vice versa', () => {
    expect(Object.keys(handlers).sort()).toEqual([...operationNames].sort());
    for (const name of operationNames) expect(operations[name].summary.length).toBeGreaterThan(3);
  });

  it('answers health with the package version', async () => {
    const res = (await callOperation('health', {}, ctx())) as { ok: boolean; version: string };
    expect(res.ok).toBe(true);
    expect(res.version).toBe(VERSION);
    expect(VERSION).toBe(JSON.parse(readFileSync(`${repoRoot}/package.json`, 'utf8')).version);
  });

  it('rejects a request of the wrong shape with a 400 and the zod message naming the field', async () => {
    await expect(callOperation('auditLog', { limit: 'ten' }, ctx())).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/^invalid auditLog request: limit: .*number/) });
    await expect(callOperation('auditLog', { limit: 0 }, ctx())).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/limit: .*>=1/) });
    await expect(callOperation('health', { extra: true }, ctx())).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/extra/) });
    await expect(callOperation('setSetting', { key: '../etc', value: 1 }, ctx())).rejects.toBeInstanceOf(ApiError);
  });

  it('rejects an unknown operation with a 404, including prototype names', async () => {
    await expect(callOperation('dropTables', {}, ctx())).rejects.toMatchObject({ status: 404 });
    await expect(callOperation('constructor', {}, ctx())).rejects.toMatchObject({ status: 404 });
    await expect(callOperation('__proto__', {}, ctx())).rejects.toMatchObject({ status: 404 });
  });

  it('settings round-trip through the API and are recorded in the audit log', async () => {
    const c = ctx();
    await callOperation('setSetting', { key: 'ollama.model', value: 'qwen2.5:7b' }, c);
    const { settings } = (await callOperation('getSettings', {}, c)) as { settings: Record<string, unknown> };
    expect(settings['ollama.model']).toBe('qwen2.5:7b');
    const { rows } = (await callOperation('auditLog', {}, c)) as { rows: { action: string }[] };
    expect(rows[0]!.action).toBe('settings.set');
    expect(await callOperation('auditVerify', {}, c)).toMatchObject({ ok: true, rows: 1 });
  });
});
