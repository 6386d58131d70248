/**
 * Progress lines on stderr for work that lasts long enough to wonder about. Nothing is printed
 * during the first second, then at most one line a second; on a terminal the line is rewritten
 * in place.
 */
export class StderrProgress {
  private readonly startedAt = performance.now();
  private lastPrintedAt = 0;
  private printed = false;

  constructor(
    private readonly enabled: boolean,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  update(message: string): void {
    const now = performance.now();
    if (!this.enabled || now - this.startedAt < 1000 || now - this.lastPrintedAt < 1000) return;
    this.lastPrintedAt = now;
    this.printed = true;
    if (this.stream.isTTY) this.stream.write(`\r\x1b[2K${message}`);
    else this.stream.write(`${message}\n`);
  }

  /** Ends a rewritten line so the next output starts on a fresh one. */
  finish(): void {
    if (this.printed && this.stream.isTTY) this.stream.write('\n');
    this.printed = false;
  }
}
