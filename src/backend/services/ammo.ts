// Loads the Ammo.js WebAssembly build once per process (or worker) and hands the instance to core.
import { createRequire } from 'node:module';
import type { AmmoModule } from '../../core/physics/ammo.js';

const require = createRequire(import.meta.url);
let loading: Promise<AmmoModule> | null = null;

/** The shared Ammo instance (wasm build, `ammo.wasm.wasm` located in node_modules). */
export function loadAmmo(): Promise<AmmoModule> {
  if (loading === null) {
    const wasmPath = require.resolve('ammojs-typed/ammo.wasm.wasm');
    const factory = require('ammojs-typed/wasm') as (target?: object) => Promise<AmmoModule>;
    loading = factory({ locateFile: (file: string) => (file.endsWith('.wasm') ? wasmPath : file) });
  }
  return loading;
}
