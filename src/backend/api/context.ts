import type { Store } from '../store/store';
import type { ProgressEvent } from './operation';

// Everything a handler may use, provided by the adapter that serves the call (CLI, bridge, Electron main).
export interface ApiContext {
  mode: 'electron' | 'browser' | 'cli';
  dbPath: string;
  /** Opens the store on first use (commands that do not need it never create a database). */
  store(): Store;
  /** Per-database pseudonym secret (kept beside the database, never in it). */
  secret(): Buffer;
  progress(event: Omit<ProgressEvent, 'operation' | 'jobId'>): void;
  signal: AbortSignal;
  /** Whether outbound non-loopback network is blocked (always true: Kinetwin is offline by construction). */
  lockdown: boolean;
}
