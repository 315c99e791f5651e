// The Ammo.js (Bullet 2.82, WebAssembly build) module type. Core never loads the engine: the platform edge
// (backend `loadAmmo()`, a worker, or the renderer) loads it once and injects the instance.
import type AmmoNamespace from 'ammojs-typed/wasm';

/** A loaded Ammo.js instance (what `await Ammo()` resolves to). */
export type AmmoModule = typeof AmmoNamespace;
