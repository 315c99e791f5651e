import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Plain-Vite development of the renderer (electron-vite dev cannot start Electron here):
// `npm run dev` serves it with hot reload and proxies /api to a running `kinetwin serve`.
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:7313', ws: true, changeOrigin: true } },
  },
  build: { outDir: '../../out/renderer', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
});
