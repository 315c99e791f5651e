import { loadOrCreateSecret } from '../store/pseudonym';
import { openStore, type Store } from '../store/store';
import type { ApiContext } from './context';
import type { ProgressEvent } from './operation';

export interface ContextOptions {
  mode: ApiContext['mode'];
  dbPath: string;
  onProgress?: (event: Omit<ProgressEvent, 'operation' | 'jobId'>) => void;
  signal?: AbortSignal;
}

/** A context whose store is opened on first use and shared by every call made through it. */
export function createContext(options: ContextOptions): ApiContext & { close(): void } {
  let store: Store | null = null;
  let secret: Buffer | null = null;
  return {
    mode: options.mode,
    dbPath: options.dbPath,
    lockdown: true,
    signal: options.signal ?? new AbortController().signal,
    store: () => (store ??= openStore(options.dbPath)),
    secret: () => (secret ??= loadOrCreateSecret(options.dbPath)),
    progress: (event) => options.onProgress?.(event),
    close: () => {
      store?.close();
      store = null;
    },
  };
}
