import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Plain-Vite development of the renderer (electron-vite dev cannot start Electron here):
// `npm run dev` serves it with hot reload and proxies /api to a running `kinetwin serve`.
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [
    react(),
    // React Fast Refresh injects an inline script in dev; the strict CSP stays in every build (and in the bridge's headers)
    { name: 'kinetwin-dev-csp', apply: 'serve', transformIndexHtml: (html: string) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '') },
  ],
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': {
        target: 'http://127.0.0.1:7313',
        ws: true,
        changeOrigin: true,
        // the bridge refuses cross-origin requests: the dev server is a trusted same-machine proxy, so drop its Origin
        configure: (proxy) => {
          proxy.on('proxyReq', (req) => req.removeHeader('origin'));
          proxy.on('proxyReqWs', (req) => req.removeHeader('origin'));
        },
      },
    },
  },
  build: { outDir: '../../out/renderer', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
});
