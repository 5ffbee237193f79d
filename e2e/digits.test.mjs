// The Digits scene as the frame sees it: MNIST loads, the page keeps its
// frame rate, the run keys work and predict() answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useApp, openApp, status, waitStatus, frames,
  focusCanvas, pressKey, screenshot, assertNotBlank,
} from './lib.mjs';

let server, browser, page, errors;

useApp({ width: 1024, height: 640 }, (c) => ({ server, browser, page, errors } = c));

// medianFPS samples status().fps n times, gap ms apart, and returns the median.
async function medianFPS(n = 5, gap = 600) {
  const xs = [];
  for (let i = 0; i < n; i++) {
    await page.waitForTimeout(gap);
    xs.push((await status(page)).fps);
  }
  xs.sort((a, b) => a - b);
  return xs[Math.floor(n / 2)];
}

test('MNIST loads and status().ready becomes true', async () => {
  errors.length = 0;
  await openApp(page, server.url, '?scene=digits&task=4v9');
  const st = await waitStatus(page, (s) => s.ready === true || !!s.error, { timeout: 120_000, what: 'ready' });
  assert.equal(st.ready, true, `not ready: ${st.error}`);
  assert.ok(!st.error, `error after loading: ${st.error}`);
  await frames(page, 5);
  assertNotBlank((await screenshot(page, 'digits-ready')).stats, 'the Digits tab with data');
  assert.deepEqual(errors, []);
});

test('the page keeps drawing: status().fps above 15 when idle', async () => {
  await waitStatus(page, (s) => s.ready, { timeout: 120_000, what: 'ready' });
  const fps = await medianFPS();
  assert.ok(fps > 15, `median fps ${fps.toFixed(1)} idle`);
});

test('space, s and r drive the run (start/pause, single step, reset)', async () => {
  // best: a run long enough (about a minute) to be caught running.
  await openApp(page, server.url, '?scene=digits&task=10&model=best');
  await waitStatus(page, (s) => s.ready && s.built, { timeout: 120_000, what: 'ready' });
  await focusCanvas(page);
  let st = await status(page);
  assert.equal(st.running, false, 'training runs before start');
  const step0 = st.step;

  await pressKey(page, 's');
  st = await waitStatus(page, (s) => s.step > step0, { timeout: 10_000, what: 'a single step (key s)' });
  assert.equal(st.running, false, 'key s must not start the run');

  await pressKey(page, 'Space');
  st = await waitStatus(page, (s) => s.running, { timeout: 5000, what: 'running after space' });
  const stepA = st.step;
  st = await waitStatus(page, (s) => s.step > stepA + 10, { timeout: 20_000, what: 'steps while running' });
  await page.waitForTimeout(1000);
  const fps = await medianFPS(5, 600);
  await screenshot(page, 'digits-training');

  await pressKey(page, 'Space');
  st = await waitStatus(page, (s) => s.synced && !s.running, { timeout: 10_000, what: 'paused after the second space' });
  const stepB = st.step;
  await page.waitForTimeout(500);
  assert.equal((await status(page)).step, stepB, 'steps continue while paused');

  await pressKey(page, 'r');
  await waitStatus(page, (s) => s.synced && s.step === 0 && !s.running, { timeout: 10_000, what: 'step 0 after r' });
  assert.ok(fps > 15, `median fps ${fps.toFixed(1)} while training`);
});

test('start(), pause(), step(n), reset() from JavaScript', async () => {
  await openApp(page, server.url, '?scene=digits&task=10&model=best');
  await waitStatus(page, (s) => s.ready, { timeout: 120_000, what: 'ready' });
  await page.evaluate(() => window.digitlab.step(5));
  await waitStatus(page, (s) => s.step >= 5, { timeout: 10_000, what: 'step(5)' });
  await page.evaluate(() => window.digitlab.start());
  await waitStatus(page, (s) => s.running && s.step > 5, { timeout: 10_000, what: 'start()' });
  await page.evaluate(() => window.digitlab.pause());
  await waitStatus(page, (s) => s.synced && !s.running, { timeout: 10_000, what: 'pause()' });
  await page.evaluate(() => window.digitlab.reset());
  await waitStatus(page, (s) => s.synced && s.step === 0, { timeout: 10_000, what: 'reset()' });
});

test('predict() returns class probabilities for a 784-pixel image', async () => {
  await openApp(page, server.url, '?scene=digits&task=4v9&model=linear');
  await waitStatus(page, (s) => s.ready, { timeout: 120_000, what: 'ready' });
  // A vertical bar, roughly a "1". The model may be built a frame or two
  // after the data is ready: ask until it answers.
  let p = null;
  for (const deadline = Date.now() + 15_000; p === null && Date.now() < deadline;) {
    p = await page.evaluate(() => {
      const px = new Array(784).fill(0);
      for (let y = 4; y < 24; y++) for (let x = 13; x < 16; x++) px[y * 28 + x] = 1;
      const out = window.digitlab.predict(px);
      return out === null ? null : Array.from(out);
    });
    if (p === null) await page.waitForTimeout(200);
  }
  assert.ok(p !== null, `predict() still returns null; status().error: ${(await status(page)).error}`);
  assert.equal(p.length, 2, `predict for 4 vs 9 returned ${JSON.stringify(p)}`);
  for (const v of p) assert.ok(v >= 0 && v <= 1, `probability ${v} outside [0, 1]`);
  const sum = p.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(sum - 1) < 1e-4, `probabilities sum to ${sum}`);

  // A wrong length is refused with a reason.
  const bad = await page.evaluate(() => window.digitlab.predict([1, 2, 3]));
  assert.equal(bad, null, 'predict of 3 numbers should return null');
  assert.match(String((await status(page)).error), /784/);
});
