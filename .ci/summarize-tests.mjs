// Prints one closing line, "N passed, N failed, N skipped", over the unit (vitest) and end-to-end
// (Playwright) JSON reports that `npm test` writes into test-results/.
import { readFileSync } from 'node:fs';

const unit = JSON.parse(readFileSync('test-results/unit-report.json', 'utf8'));
const e2e = JSON.parse(readFileSync('test-results/e2e-report.json', 'utf8'));

const passed = unit.numPassedTests + e2e.stats.expected;
const failed = unit.numFailedTests + e2e.stats.unexpected + e2e.stats.flaky;
const skipped = unit.numPendingTests + unit.numTodoTests + e2e.stats.skipped;

console.log(`unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
console.log(`e2e: ${e2e.stats.expected} passed, ${e2e.stats.unexpected + e2e.stats.flaky} failed`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
if (passed === 0 || failed > 0) process.exitCode = 1;
