/** The logistic function and the log-loss, in forms that stay finite for any finite logit. */

/** Returns 1 / (1 + e^-z), computed from e^-|z| so that neither sign of z overflows. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const exponential = Math.exp(z);
  return exponential / (1 + exponential);
}

/**
 * Returns log(1 + e^z) as max(z, 0) + log1p(e^-|z|), which neither overflows for large z nor
 * rounds to 0 for very negative z.
 */
export function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/**
 * Returns the log-loss of one sample from its logit z and its class (0 or 1):
 * -log(sigmoid(z)) = softplus(-z) for class 1 and -log(1 - sigmoid(z)) = softplus(z) for class 0.
 */
export function logLossOfLogit(z: number, target: number): number {
  return target === 1 ? softplus(-z) : softplus(z);
}

/** Returns the mean log-loss of samples given by their logits and classes (0 or 1). */
export function meanLogLoss(logits: Float64Array, targets: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += logLossOfLogit(logits[i], targets[i]);
  return sum / logits.length;
}
