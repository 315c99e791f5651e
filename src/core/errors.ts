/** The one error type for bad input: malformed, truncated or hostile files and arguments. */
export class KinetwinError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KinetwinError';
  }
}
