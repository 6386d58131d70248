import type { ProgressMessage } from './workerProtocol';

/**
 * Collects the losses of each epoch and sends them in batches at most once per `intervalMs`, so
 * a run of 100 000 short epochs sends at most 1000 / `intervalMs` messages a second, not one per
 * epoch.
 * The first epoch is sent at once so that progress shows without delay.
 */
export class ProgressBatcher {
  private epoch = 0;
  private trainLossTail: number[] = [];
  private testLossTail: number[] = [];
  private lastSentAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly send: (message: ProgressMessage) => void,
    private readonly intervalMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Records one completed epoch and sends the batch when the interval has passed. */
  record(trainLoss: number, testLoss: number): void {
    this.epoch += 1;
    this.trainLossTail.push(trainLoss);
    this.testLossTail.push(testLoss);
    if (this.now() - this.lastSentAt >= this.intervalMs) this.flush();
  }

  /** Sends the epochs not sent yet, if any. */
  flush(): void {
    if (this.trainLossTail.length === 0) return;
    const { epoch, trainLossTail, testLossTail } = this;
    this.send({ type: 'progress', epoch, trainLossTail, testLossTail });
    this.trainLossTail = [];
    this.testLossTail = [];
    this.lastSentAt = this.now();
  }
}
