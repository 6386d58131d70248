import type { TrainingProgress } from '../../../shared/ipc/workbenchApi';

/**
 * The loss curves of the run that is training, built from the progress messages' tails so that
 * every epoch is drawn. The arrays grow in place and are not reactive. The reactive `version`
 * changes at most once an animation frame, which is what throttles the chart's redraws.
 */
export class LiveLoss {
  readonly train: number[] = [];
  readonly test: number[] = [];
  version = $state(0);
  #frame: number | null = null;

  /**
   * Appends the epochs a progress message reports since the previous one.
   * NOTE: each redraw hands ECharts every epoch so far, so a live run of several hundred thousand
   * epochs redraws slowly. Decimating to about one point a pixel before the redraw would bound it.
   */
  append(progress: TrainingProgress): void {
    // A message without tails still carries the latest epoch's losses.
    const hasTail = progress.trainLossTail.length > 0;
    this.train.push(...(hasTail ? progress.trainLossTail : [progress.trainLoss]));
    this.test.push(
      ...(progress.testLossTail.length > 0 ? progress.testLossTail : [progress.testLoss]),
    );
    this.#scheduleRedraw();
  }

  reset(): void {
    this.train.length = 0;
    this.test.length = 0;
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
