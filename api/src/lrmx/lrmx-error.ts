import { AppError } from '../platform/errors.js';

/**
 * Why a `.lrmx` file or archive cannot be read or written, in words for the person importing it.
 * An AppError, so a route can let it through to the problem handler as a 400 (413 when too big).
 */
export class LrmxError extends AppError {
  constructor(
    message: string,
    readonly element?: string,
    status: 400 | 413 = 400,
  ) {
    super(
      status,
      status === 413 ? 'lrmx_too_large' : 'lrmx_invalid',
      message,
      element === undefined ? undefined : [{ path: element, message }],
    );
    this.name = 'LrmxError';
  }
}
