/**
 * Colours of the charts: one a run when runs are overlaid, one a class in the sigmoid chart, and
 * red for misclassified rows.
 */

export const RUN_COLORS = [
  '#2563eb',
  '#d97706',
  '#059669',
  '#db2777',
  '#7c3aed',
  '#0891b2',
  '#65a30d',
  '#dc2626',
] as const;

export const CLASS_COLORS = ['#2563eb', '#d97706'] as const;

/** Ring around a misclassified test row in the sigmoid chart, a red neither class colour is near. */
export const MISCLASSIFIED_COLOR = '#dc2626';

/** Returns the colour of the run at `index`. Colours repeat after eight runs. */
export function runColor(index: number): string {
  return RUN_COLORS[index % RUN_COLORS.length];
}
