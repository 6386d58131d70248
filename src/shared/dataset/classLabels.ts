/**
 * Orders a data set's class labels the way people expect to read them, so that the default pair
 * of classes (the first two) is 0 and 1 for numeric labels whatever row comes first.
 */

/** Compares labels: numbers first, by value, then other text by code point. */
export function compareClassLabels(a: string, b: string): number {
  const numberA = toNumber(a);
  const numberB = toNumber(b);
  if (numberA !== null && numberB !== null && numberA !== numberB) return numberA - numberB;
  if (numberA !== null && numberB === null) return -1;
  if (numberA === null && numberB !== null) return 1;
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function toNumber(label: string): number | null {
  const value = Number(label);
  return label.trim() === '' || Number.isNaN(value) ? null : value;
}

/**
 * Sorts `classLabels` with `compareClassLabels` and rewrites `labelCodes` in place to index the
 * sorted list. Returns the sorted labels.
 */
export function sortClassLabels(classLabels: string[], labelCodes: Uint32Array): string[] {
  const order = classLabels.map((_, code) => code);
  order.sort((a, b) => compareClassLabels(classLabels[a], classLabels[b]));

  const newCode = new Uint32Array(classLabels.length);
  order.forEach((oldCode, position) => (newCode[oldCode] = position));
  for (let row = 0; row < labelCodes.length; row++) labelCodes[row] = newCode[labelCodes[row]];
  return order.map((oldCode) => classLabels[oldCode]);
}
