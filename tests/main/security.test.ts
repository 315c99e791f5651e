import { describe, expect, it, vi } from 'vitest';
import { hardenSession, hardenWebContents, isAllowedRequestUrl, isTrustedSenderUrl, WEB_PREFERENCES, type SessionLike, type WebContentsLike } from '../../src/main/security';

vi.mock('electron', () => ({}));

describe('Electron lockdown', () => {
  it('the request filter lets only the app protocol, file:, devtools and loopback through', () => {
    for (const url of ['app://kinetwin/index.html', 'file:///opt/kinetwin/out/renderer/index.html', 'devtools://devtools/bundled/x.html', 'http://127.0.0.1:11434/api/tags', 'http://localhost:5173/', 'ws://127.0.0.1:7313/api/events', 'http://[::1]:11434/', 'data:image/png;base64,AA==']) {
      expect(isAllowedRequestUrl(url), url).toBe(true);
    }
    for (const url of ['https://example.com/', 'http://10.0.0.5:11434/', 'http://192.168.1.2/', 'http://127.0.0.1.nip.io/', 'ftp://127.0.0.1/', 'https://update.electronjs.org/', 'not a url', 'http://0.0.0.0:11434/']) {
      expect(isAllowedRequestUrl(url), url).toBe(false);
    }
  });

  it('the sender check trusts only the app page (and the loopback dev server when one is running)', () => {
    expect(isTrustedSenderUrl('app://kinetwin/index.html')).toBe(true);
    expect(isTrustedSenderUrl('app://other/index.html')).toBe(false);
    expect(isTrustedSenderUrl('https://evil.example/')).toBe(false);
    expect(isTrustedSenderUrl(undefined)).toBe(false);
    expect(isTrustedSenderUrl('file:///tmp/x.html')).toBe(false);
    expect(isTrustedSenderUrl('http://localhost:5173/index.html')).toBe(false);
    expect(isTrustedSenderUrl('http://localhost:5173/index.html', 'http://localhost:5173')).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });

  it('hardenSession cancels foreign requests, adds the CSP and denies every permission', () => {
    let before: ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | undefined;
    let headers: ((d: { url: string; responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders?: Record<string, string[]> }) => void) => void) | undefined;
    let permission: ((wc: unknown, p: string, cb: (g: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    const fake: SessionLike = {
      webRequest: { onBeforeRequest: (l) => (before = l), onHeadersReceived: (l) => (headers = l) },
      setPermissionRequestHandler: (h) => (permission = h),
      setPermissionCheckHandler: (h) => (check = h),
    };
    const blocked: string[] = [];
    hardenSession(fake, { blocked: (url) => blocked.push(url) });
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      before!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('https://telemetry.example.com/')).toBe(true);
    expect(decide('app://kinetwin/assets/index.js')).toBe(false);
    expect(blocked).toEqual(['https://telemetry.example.com/']);
    let csp: string[] | undefined;
    headers!({ url: 'app://kinetwin/', responseHeaders: {} }, (r) => (csp = r.responseHeaders?.['Content-Security-Policy']));
    expect(csp![0]).toMatch(/default-src 'self'/);
    expect(csp![0]).toContain("'wasm-unsafe-eval'");
    expect(csp![0]).not.toContain("'unsafe-eval'");
    let granted: boolean | undefined;
    permission!({}, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    expect(check!()).toBe(false);
  });

  it('hardenWebContents denies new windows and blocks navigation away from the app', () => {
    let openHandler: ((d: { url: string }) => { action: 'deny' }) | undefined;
    const listeners: Record<string, (e: { preventDefault(): void }, url: string) => void> = {};
    const fake: WebContentsLike = {
      setWindowOpenHandler: (h) => (openHandler = h),
      on: ((event: string, l: (e: { preventDefault(): void }, url: string) => void) => (listeners[event] = l)) as WebContentsLike['on'],
    };
    hardenWebContents(fake);
    expect(openHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    const prevented = (url: string) => {
      let p = false;
      listeners['will-navigate']!({ preventDefault: () => (p = true) }, url);
      return p;
    };
    expect(prevented('https://example.com/phish')).toBe(true);
    expect(prevented('app://kinetwin/index.html')).toBe(false);
    let webview = false;
    listeners['will-attach-webview']!({ preventDefault: () => (webview = true) }, '');
    expect(webview).toBe(true);
  });

  it('windows are created isolated, sandboxed and without Node', () => {
    expect(WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false, webviewTag: false });
  });
});
