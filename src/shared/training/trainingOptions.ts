/** Options of one training run. `validateTrainingOptions` is the single place that checks them. */
export interface TrainingOptions {
  /** Fraction of rows in the test set when in (0, 1); an exact count of test rows when an integer >= 1. */
  testSize: number;
  /** Seed of the split, 0 to 2^32 - 1, as numpy's `RandomState` takes it. */
  seed: number;
  /** Full-batch gradient-descent steps, 1 to 1 000 000. */
  epochs: number;
  /** Step size, greater than 0 and at most 1000. */
  learningRate: number;
}

export const DEFAULT_TRAINING_OPTIONS: Readonly<TrainingOptions> = Object.freeze({
  testSize: 0.25,
  seed: 0,
  epochs: 300,
  learningRate: 0.1,
});
