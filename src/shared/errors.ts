/**
 * Error classes by intent. `InputError` is an expected failure caused by what a person gave the
 * program (a file, an option, a payload), and its message is shown to them as it is.
 * `InternalError` is a broken invariant, that is a bug in this program.
 */

/** Stable codes for expected failures, so callers can branch without parsing messages. */
export type ErrorCode =
  | 'invalid-option'
  | 'invalid-file'
  | 'file-not-found'
  | 'shape-mismatch'
  | 'invalid-value'
  | 'unsupported-dtype'
  | 'unknown-class'
  | 'single-class'
  | 'invalid-payload'
  | 'not-found'
  | 'busy'
  | 'diverged'
  | 'cancelled'
  | 'internal';

export class InputError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'InputError';
    this.code = code;
  }
}

export class InternalError extends Error {
  readonly code = 'internal';

  constructor(message: string) {
    super(`internal error: ${message}`);
    this.name = 'InternalError';
  }
}

/** A failure as plain data, safe to send across IPC or print on one line. */
export interface Failure {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure };

export function toFailure(error: unknown): Failure {
  if (error instanceof InputError) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message };
}
