import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// main and preload bundle our backend (better-sqlite3 stays external, a native addon); the renderer is a plain
// Vite React app that also runs in a browser against `kinetwin serve`.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('src/main/index.ts') }, external: ['better-sqlite3', 'ws', 'ollama'] },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // bundle zod into the preload: a sandboxed preload can require nothing but electron
      externalizeDeps: false,
      // sandboxed preloads must be CommonJS
      rollupOptions: { input: { index: resolve('src/preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: 'src/renderer',
    base: './',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      emptyOutDir: true,
      chunkSizeWarningLimit: 4000,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
