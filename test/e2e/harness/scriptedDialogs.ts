import type { Logger } from '../../../src/main/logger';
import type { DialogPort } from '../../../src/main/services/createWorkbenchServices';
import type { DatasetFileKind } from '../../../src/shared/ipc/workbenchApi';
import { RejectedRequest } from './requestGuard';

/** The answer a spec queues for the next open or save dialog; null means "cancelled". */
export type DialogAnswer =
  { dialog: 'open'; paths: string[] | null } | { dialog: 'save'; path: string | null };

/** One dialog the services asked for, as a spec can read it back. */
export type DialogRequest =
  | { dialog: 'open'; kind: DatasetFileKind; answered: boolean }
  | { dialog: 'save'; defaultName: string; answered: boolean };

/**
 * A `DialogPort` that returns answers from a queue a spec fills. A native open or save dialog cannot be
 * shown or clicked in a headless browser, so these two answers are the one part of the app the
 * harness scripts; everything behind them (reading, training, writing files) is real.
 */
export class ScriptedDialogs implements DialogPort {
  private readonly answers: DialogAnswer[] = [];
  readonly requests: DialogRequest[] = [];

  constructor(private readonly logger: Logger) {}

  queue(answer: DialogAnswer): void {
    this.answers.push(answer);
  }

  get pendingAnswers(): number {
    return this.answers.length;
  }

  async showOpen(kind: DatasetFileKind): Promise<string[] | null> {
    const answer = this.take('open');
    this.requests.push({ dialog: 'open', kind, answered: answer !== undefined });
    return answer?.dialog === 'open' ? answer.paths : null;
  }

  async showSave(defaultName: string): Promise<string | null> {
    const answer = this.take('save');
    this.requests.push({ dialog: 'save', defaultName, answered: answer !== undefined });
    return answer?.dialog === 'save' ? answer.path : null;
  }

  /** Takes the next answer when it is for this dialog; an unscripted dialog counts as cancelled. */
  private take(dialog: DialogAnswer['dialog']): DialogAnswer | undefined {
    if (this.answers[0]?.dialog === dialog) return this.answers.shift();
    this.logger.warn(
      `${dialog} dialog shown with no ${dialog} answer queued; answering as cancelled`,
    );
    return undefined;
  }
}

/** Checks a `POST /harness/dialog` body and returns it as an answer. */
export function parseDialogAnswer(body: unknown): DialogAnswer {
  const answer = body as Partial<Record<'dialog' | 'paths' | 'path', unknown>> | null;
  if (answer?.dialog === 'open' && isPathList(answer.paths)) {
    return { dialog: 'open', paths: answer.paths };
  }
  if (answer?.dialog === 'save' && (answer.path === null || typeof answer.path === 'string')) {
    return { dialog: 'save', path: answer.path };
  }
  throw new RejectedRequest(
    400,
    'dialog answer must be {"dialog":"open","paths":[...]|null} or {"dialog":"save","path":"..."|null}',
  );
}

function isPathList(value: unknown): value is string[] | null {
  return value === null || (Array.isArray(value) && value.every((p) => typeof p === 'string'));
}
