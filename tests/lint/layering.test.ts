import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/shared';

const eslint = new ESLint({ cwd: repoRoot });

async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${repoRoot}/${file}` });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering lint rule', () => {
  it('fails when src/core imports a platform module or an outer layer', async () => {
    for (const mod of ['electron', 'react', 'three', 'better-sqlite3', 'ollama', 'node:fs', 'fs', 'path', '../backend/store/store', '../../renderer/src/App']) {
      const found = await violations('src/core/probe.ts', `import x from '${mod}';\nexport const y = x;\n`);
      expect(found.length, mod).toBe(1);
    }
  });

  it('lets src/core import its own modules and zod', async () => {
    expect(await violations('src/core/probe.ts', "import { z } from 'zod';\nimport { KinetwinError } from './errors';\nimport { s } from '../random/stream';\nexport const y = [z, KinetwinError, s];\n")).toEqual([]);
  });

  it('keeps the backend free of Electron and UI, and the renderer free of the backend internals', async () => {
    expect(await violations('src/backend/probe.ts', "import { app } from 'electron';\nexport const y = app;\n")).toHaveLength(1);
    expect(await violations('src/backend/probe.ts', "import { App } from '../renderer/src/App';\nexport const y = App;\n")).toHaveLength(1);
    expect(await violations('src/renderer/src/probe.ts', "import { openStore } from '../../backend/store/store';\nexport const y = openStore;\n")).toHaveLength(1);
    expect(await violations('src/renderer/src/probe.ts', "import type { OperationName } from '../../backend/api/contract/index';\nexport type Y = OperationName;\n")).toEqual([]);
  });
});
