// Renderer choice: headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) with WebGL2 on
// SwiftShader (--use-angle=swiftshader), CPU only. It runs the same three.js as the app, needs no native Node
// module (headless-gl does not build for Node 20 here) and renders 256² RGB + mask + depth at ~27 frames/s on
// 2 busy cores (npm run bench:synth -- --case render-256).
// The page script (src/renderer/offscreen/renderPage.ts) is bundled with esbuild at first use and injected into about:blank; each batch of
// scene descriptions goes in through page.evaluate and the frames come back as one deflated, base64 string (raw
// base64 through CDP cost 4× the rendering; a POST to a loopback server was slower still, probably because Playwright
// also reports request bodies over CDP). Rendering is synchronous (requestAnimationFrame barely fires in headless Chromium).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { KinetwinError } from '../../core/errors';
import type { RenderScene } from '../../core/render/scene';

export interface RenderedBuffers {
  width: number; // px
  height: number; // px
  rgb: Uint8Array; // width × height × 3, top-down rows, sRGB
  mask: Uint8Array; // width × height segment ids (0 background, segment index + 1)
  depth: Float32Array; // width × height, linear metres along the optical axis (0 background)
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

/** The Chromium executable: CHROMIUM_PATH, else Debian's chromium. */
export function findChromium(): string {
  const found = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p));
  if (!found) throw new KinetwinError('no Chromium found for rendering (install chromium or set CHROMIUM_PATH)');
  return found;
}

let bundled: Promise<string> | null = null;

/** The page script as one IIFE (three.js included), built once per process. */
function pageScript(): Promise<string> {
  bundled ??= (async () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const entry = [join(here, '..', '..', 'renderer', 'offscreen', 'renderPage.ts'), resolve('src/renderer/offscreen/renderPage.ts')].find((p) => existsSync(p));
    if (!entry) throw new KinetwinError('render page source src/renderer/offscreen/renderPage.ts not found');
    const out = await build({ entryPoints: [entry], bundle: true, format: 'iife', platform: 'browser', target: 'chrome110', minify: true, write: false, logLevel: 'silent' });
    return out.outputFiles[0].text;
  })();
  return bundled;
}

export class ChromiumRenderer {
  private constructor(private readonly browser: Browser, private readonly page: Page) {}

  /** Starts headless Chromium and loads the render page. */
  static async launch(): Promise<ChromiumRenderer> {
    const script = await pageScript();
    let browser: Browser | null = null;
    try {
      browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.addScriptTag({ content: script });
      const ok = await page.evaluate(() => typeof (globalThis as unknown as { kinetwinRender?: unknown }).kinetwinRender === 'function');
      if (!ok) throw new KinetwinError(`render page failed to load: ${errors.join('; ') || 'unknown error'}`);
      return new ChromiumRenderer(browser, page);
    } catch (err) {
      await browser?.close();
      throw err;
    }
  }

  /** Renders scenes and returns their buffers in order. */
  async render(scenes: RenderScene[]): Promise<RenderedBuffers[]> {
    const packed = await this.page.evaluate((batch) => (globalThis as unknown as { kinetwinRender(s: unknown[]): Promise<string> }).kinetwinRender(batch), scenes as unknown[]);
    const body = inflateSync(Buffer.from(packed, 'base64'));
    let o = 0;
    const frames = scenes.map((s) => {
      const { width, height } = s.camera, n = width * height;
      if (o + 4 * n > body.length) throw new KinetwinError(`render page returned ${body.length} bytes, too few for ${scenes.length} frames`);
      const rgb = new Uint8Array(body.buffer, body.byteOffset + o, 3 * n);
      const mask = new Uint8Array(body.buffer, body.byteOffset + o + 3 * n, n);
      let count = 0;
      for (let p = 0; p < n; p++) if (mask[p] !== 0) count++;
      const planes = o + 4 * n;
      if (planes + 4 * count > body.length) throw new KinetwinError(`render page returned ${body.length} bytes, too few for ${scenes.length} frames`);
      const depth = new Float32Array(n), bytes = new Uint8Array(depth.buffer);
      for (let p = 0, k = 0; p < n; p++) { // byte planes of the body pixels → little-endian float32 (both sides little-endian)
        if (mask[p] === 0) continue;
        bytes[4 * p] = body[planes + k];
        bytes[4 * p + 1] = body[planes + count + k];
        bytes[4 * p + 2] = body[planes + 2 * count + k];
        bytes[4 * p + 3] = body[planes + 3 * count + k];
        k++;
      }
      o = planes + 4 * count;
      return { width, height, rgb, mask, depth };
    });
    if (o !== body.length) throw new KinetwinError(`render page returned ${body.length} bytes, expected ${o}`);
    return frames;
  }

  /** Milliseconds the page spent per stage so far (lit, idDepth, copy, pack). */
  timings(): Promise<Record<string, number>> {
    return this.page.evaluate(() => (globalThis as unknown as { kinetwinTimings(): Record<string, number> }).kinetwinTimings());
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
