import type { TrainingProgress } from '../../../shared/ipc/workbenchApi';
import { LiveLossSeries } from '../charts/liveLossSeries';

/**
 * The loss curves of the run that is training, built from the progress messages' tails so that
 * every epoch is kept. The series grow in place and are not reactive. The reactive `version`
 * changes at most once an animation frame, which throttles the chart's redraws, and the chart
 * draws the series' decimated points only.
 */
export class LiveLoss {
  readonly train = new LiveLossSeries();
  readonly test = new LiveLossSeries();
  version = $state(0);
  #frame: number | null = null;

  /** Appends the epochs a progress message reports since the previous one. */
  append(progress: TrainingProgress): void {
    // A message without tails still carries the latest epoch's losses.
    const trainTail =
      progress.trainLossTail.length > 0 ? progress.trainLossTail : [progress.trainLoss];
    const testTail = progress.testLossTail.length > 0 ? progress.testLossTail : [progress.testLoss];
    // The first message of a run adopted part way through starts after epoch 1.
    if (this.train.length === 0) this.train.firstEpoch = progress.epoch - trainTail.length + 1;
    if (this.test.length === 0) this.test.firstEpoch = progress.epoch - testTail.length + 1;
    for (const loss of trainTail) this.train.push(loss);
    for (const loss of testTail) this.test.push(loss);
    this.#scheduleRedraw();
  }

  reset(): void {
    this.train.clear();
    this.test.clear();
    this.#scheduleRedraw();
  }

  #scheduleRedraw(): void {
    if (this.#frame !== null) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = null;
      this.version++;
    });
  }
}
