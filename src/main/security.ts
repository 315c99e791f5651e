import { contentSecurityPolicy } from '../backend/csp';

// Electron lockdown rules as plain functions, so they can be unit-tested with fakes (REFERENCE.md §9).
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://kinetwin`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** The webRequest filter: only the app's own protocol, file:, devtools, data:/blob: and loopback pass. */
export function isAllowedRequestUrl(url: string): boolean {
  const u = parse(url);
  if (!u) return false;
  switch (u.protocol) {
    case `${APP_SCHEME}:`:
    case 'file:':
    case 'devtools:':
    case 'data:':
    case 'blob:':
      return true;
    case 'http:':
    case 'https:':
    case 'ws:':
    case 'wss:':
      return isLoopbackHost(u.hostname);
    default:
      return false;
  }
}

/** IPC sender check: the frame must be the app's own page (or the loopback dev server during `npm run dev`). */
export function isTrustedSenderUrl(frameUrl: string | undefined | null, devServerUrl?: string): boolean {
  if (!frameUrl) return false;
  const u = parse(frameUrl);
  if (!u) return false;
  if (u.protocol === `${APP_SCHEME}:` && u.host === 'kinetwin') return true;
  if (devServerUrl) {
    const dev = parse(devServerUrl);
    if (dev && u.origin === dev.origin && isLoopbackHost(u.hostname)) return true;
  }
  return false;
}

/** In-app navigation is limited to the app's own pages; everything else is refused. */
export function isAllowedNavigation(url: string, devServerUrl?: string): boolean {
  return isTrustedSenderUrl(url, devServerUrl);
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
} as const;

// Minimal structural types of the Electron objects the hardening touches (fakes implement these in tests).
export interface SessionLike {
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
    onHeadersReceived(listener: (details: { url: string; responseHeaders?: Record<string, string[]> }, callback: (r: { responseHeaders?: Record<string, string[]> }) => void) => void): void;
  };
  setPermissionRequestHandler(handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
}

export interface WebContentsLike {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { preventDefault(): void }, url: string) => void): void;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): void;
}

export interface HardeningLog {
  blocked(url: string, reason: string): void;
}

export function hardenSession(session: SessionLike, log?: HardeningLog): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url);
    if (!allowed) log?.blocked(details.url, 'network lockdown');
    callback({ cancel: !allowed });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...(details.responseHeaders ?? {}), 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function hardenWebContents(contents: WebContentsLike, devServerUrl?: string, log?: HardeningLog): void {
  contents.setWindowOpenHandler(({ url }) => {
    log?.blocked(url, 'new window');
    return { action: 'deny' };
  });
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (!isAllowedNavigation(url, devServerUrl)) {
      event.preventDefault();
      log?.blocked(url, 'navigation');
    }
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
