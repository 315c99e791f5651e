/** The one error type for bad input: malformed, truncated or hostile files and arguments.
 * The CLI prints it as one line `error: <file>: <message>`; any other exception is a bug. */
export class KinetwinError extends Error {
  /** The file the problem is in, when there is one. */
  file?: string;
  constructor(message: string, file?: string) {
    super(message);
    this.name = 'KinetwinError';
    if (file !== undefined) this.file = file;
  }
}

/** Attaches a file name to a KinetwinError (or wraps any error's message) so the CLI can name the file. */
export function inFile(file: string, err: unknown): KinetwinError {
  if (err instanceof KinetwinError) {
    if (err.file === undefined) err.file = file;
    return err;
  }
  return new KinetwinError(err instanceof Error ? err.message : String(err), file);
}
