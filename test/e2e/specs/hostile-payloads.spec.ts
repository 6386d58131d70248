import type { APIRequestContext } from '@playwright/test';
import { expect, saveScreenshot, test } from '../fixtures/app';
import { percentText, SPLICE_REFERENCE } from '../fixtures/spliceReference';
import { ResultView } from '../pages/resultView';
import { RunsView } from '../pages/runsView';
import { TrainingForm } from '../pages/trainingForm';

/** Posts a raw body to `/invoke`, as a compromised renderer could, and returns the reply. */
async function invokeRaw(request: APIRequestContext, url: string, body: string) {
  const response = await request.post(new URL('invoke', url).href, {
    headers: { 'content-type': 'application/json' },
    data: body,
  });
  return { status: response.status(), body: await response.json() };
}

const OPTIONS = '{"testSize":0.25,"seed":0,"epochs":300,"learningRate":0.1}';

/**
 * Bodies written as text, because `JSON.stringify` cannot produce an own `__proto__` key. Each
 * must be rejected as 'invalid-payload'; `DATASET` is replaced by the id of an open data set so
 * that only the hostile part is wrong.
 */
const HOSTILE_BODIES: [string, string][] = [
  ['unknown method', '{"method":"runs.drop","args":[]}'],
  ['method from the prototype', '{"method":"__proto__","args":[]}'],
  ['method of Object', '{"method":"constructor","args":[]}'],
  ['method not a string', '{"method":["runs.list"],"args":[]}'],
  ['args not an array', '{"method":"runs.list","args":{"length":0}}'],
  ['missing args', '{"method":"runs.get"}'],
  ['too many args', '{"method":"runs.list","args":[1]}'],
  ['run id of the wrong type', '{"method":"runs.get","args":[42]}'],
  ['run id climbing folders', '{"method":"runs.get","args":["../../../../etc/passwd"]}'],
  ['run id with a separator', '{"method":"runs.remove","args":["20261204T153012Z-3f9a1c/.."]}'],
  ['export of a path', '{"method":"export.exportWeights","args":["../runs/x"]}'],
  [
    'rename to a huge name',
    `{"method":"runs.rename","args":["20261204T153012Z-3f9a1c","${'x'.repeat(5000)}"]}`,
  ],
  [
    'relative features path',
    '{"method":"datasets.open","args":[{"kind":"npy","featuresPath":"../x.npy","labelsPath":"/y.npy"}]}',
  ],
  [
    '__proto__ in an open request',
    '{"method":"datasets.open","args":[{"kind":"embedded","__proto__":{"polluted":true}}]}',
  ],
  ['unknown dialog kind', '{"method":"datasets.chooseFiles","args":["../../etc"]}'],
  [
    '__proto__ in options',
    `{"method":"training.start","args":[{"datasetId":"DATASET","classes":["EI","IE"],"options":{"__proto__":{"epochs":5},"seed":0}}]}`,
  ],
  [
    'epochs as a string',
    `{"method":"training.start","args":[{"datasetId":"DATASET","classes":["EI","IE"],"options":{"epochs":"300"}}]}`,
  ],
  [
    'learning rate out of range',
    `{"method":"training.start","args":[{"datasetId":"DATASET","classes":["EI","IE"],"options":{"learningRate":1e308}}]}`,
  ],
  [
    'three classes',
    `{"method":"training.start","args":[{"datasetId":"DATASET","classes":["EI","IE","N"],"options":${OPTIONS}}]}`,
  ],
  [
    'data set id climbing folders',
    `{"method":"training.start","args":[{"datasetId":"../resources","classes":["EI","IE"],"options":${OPTIONS}}]}`,
  ],
];

test('verifies hostile payloads are rejected', async ({ app, request }, testInfo) => {
  test.skip(app.mode !== 'browser', 'posts to the harness, which the Electron app does not run');
  const url = app.harnessUrl!;

  const opened = await invokeRaw(
    request,
    url,
    '{"method":"datasets.open","args":[{"kind":"embedded"}]}',
  );
  expect(opened.body.value.ok).toBe(true);
  const datasetId: string = opened.body.value.value.id;

  for (const [name, template] of HOSTILE_BODIES) {
    const reply = await invokeRaw(request, url, template.replace('DATASET', datasetId));
    expect(reply.status, name).toBe(200);
    expect(reply.body.value?.ok, name).toBe(false);
    expect(reply.body.value?.error?.code, name).toBe('invalid-payload');
  }

  // What the harness itself rejects before the services see it.
  const notJson = await request.post(new URL('invoke', url).href, {
    headers: { 'content-type': 'application/json' },
    data: '{"method":',
  });
  expect(notJson.status()).toBe(400);
  const wrongType = await request.post(new URL('invoke', url).href, {
    headers: { 'content-type': 'text/plain' },
    data: '{"method":"runs.list","args":[]}',
  });
  expect(wrongType.status()).toBe(415);
  const oversized = await request.post(new URL('invoke', url).href, {
    headers: { 'content-type': 'application/json' },
    data: JSON.stringify({ method: 'runs.list', args: ['x'.repeat(2 * 1024 * 1024)] }),
  });
  expect(oversized.status()).toBe(413);

  // None of it stored a run or stopped the app: a person still trains as before.
  const listed = await invokeRaw(request, url, '{"method":"runs.list","args":[]}');
  expect(listed.body.value.runs).toEqual([]);
  await new TrainingForm(app.page).train();
  await expect(new ResultView(app.page).testAccuracy).toHaveText(
    percentText(SPLICE_REFERENCE.testAccuracy),
  );
  const runs = new RunsView(app.page);
  await runs.open();
  await expect(runs.rows).toHaveCount(1);
  await saveScreenshot(app.page, testInfo);
});
