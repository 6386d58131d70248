import { defineConfig } from '@playwright/test';

/**
 * End-to-end specs. By default they drive the built renderer in Chromium through the harness in
 * `test/e2e/harness`. With `ELECTRON_EXEC_PATH` or `ELECTRON_OVERRIDE_DIST_PATH` set, they drive
 * the built Electron app instead, as `test/e2e/README.md` describes.
 */
export default defineConfig({
  testDir: 'test/e2e/specs',
  outputDir: 'test-results/artifacts',
  // One worker: each spec trains a model, and two at once would compete for the same two cores.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  // Training the 1535-row splice problem takes seconds; the cancel spec waits through part of a
  // 200 000-epoch run, so each spec gets a few minutes.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  // The JSON report lets `.ci/run` print one closing count for unit and end-to-end tests together.
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-report.json' }]],
});
