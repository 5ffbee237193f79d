// The Ring scene against the seed (003, exercise 9) and closed-form
// geometry: the designed 2→4→3→1 detector's scores on the seed's test
// points, its radii from the URL, the diamond-vs-circle areas, and the
// learned detector training live.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useApp, openApp, status, waitStatus, frames, screenshot, assertNotBlank,
} from './lib.mjs';

let server, browser, page, errors;

useApp({ width: 1024, height: 640 }, (c) => ({ server, browser, page, errors } = c));

// The seed's test points.
const seedTests = [[0, 0], [0.5, 0.5], [1.1, 0], [1, 1], [1.5, 0.2], [2, 0], [2.1, 0]];

// designedScore is z(3) of the seed's network worked out by hand: with
// r = |x1|+|x2|, z = ReLU(b-r) - ReLU(r-b) - ReLU((a+b)-2r) = min(r-a, b-r).
const designedScore = (a, b, [x1, x2]) => {
  const r = Math.abs(x1) + Math.abs(x2);
  return Math.min(r - a, b - r);
};

// areas of the circular ring a ≤ |x|₂ ≤ b and the diamond ring
// a ≤ |x|₁ ≤ b and of their intersection, for a√2 ≤ b (then the circle of
// radius a lies inside the diamond of radius b, and the intersection is
// the diamond |x|₁ ≤ b minus the disc |x|₂ < a).
const areas = (a, b) => {
  const circle = Math.PI * (b * b - a * a);
  const diamond = 2 * (b * b - a * a);
  const both = 2 * b * b - Math.PI * a * a;
  return {
    missed: (circle - both) / circle,
    extra: (diamond - both) / circle,
    iou: both / (circle + diamond - both),
  };
};

function checkDesigned(st, a, b, verdicts) {
  assert.equal(st.a, a);
  assert.equal(st.b, b);
  assert.equal(st.testVerdicts, verdicts, 'verdicts on the seed test points');
  const want = seedTests.map((p) => designedScore(a, b, p));
  assert.equal(st.testScores.length, want.length);
  st.testScores.forEach((z, i) => {
    assert.ok(Math.abs(z - want[i]) < 1e-6, `z${JSON.stringify(seedTests[i])} = ${z}, want ${want[i]}`);
  });
  const want2 = areas(a, b);
  for (const k of ['missed', 'extra', 'iou']) {
    assert.ok(Math.abs(st[k] - want2[k]) < 2e-3, `${k} = ${st[k]}, want ${want2[k].toFixed(5)} (closed form)`);
  }
}

test('the designed detector with a=1, b=2 gives the seed\'s verdicts and scores', async () => {
  errors.length = 0;
  await openApp(page, server.url, '?scene=ring');
  const st = await status(page);
  assert.equal(st.scene, 'ring');
  // The seed prints {(0,0): False, (0.5,0.5): True, (1.1,0): True, (1,1): True,
  // (1.5,0.2): True, (2,0): True, (2.1,0): False}.
  checkDesigned(st, 1, 2, 'FTTTTTF');
  await frames(page, 5);
  assertNotBlank((await screenshot(page, 'ring-default')).stats, 'the Ring tab');
  assert.deepEqual(errors, []);
});

test('?a=0.5&b=1.5 builds the seed\'s modified network', async () => {
  await openApp(page, server.url, '?scene=ring&a=0.5&b=1.5');
  const st = await status(page);
  assert.ok(!st.error, `error: ${st.error}`);
  checkDesigned(st, 0.5, 1.5, 'FTTFFFF');
  await frames(page, 5);
  await screenshot(page, 'ring-a0.5-b1.5');
});

test('a malformed radius is refused and the current value kept', async () => {
  const errs = await page.evaluate(() => window.digitlab.set({ a: 'wide' }));
  assert.equal(errs.length, 1, `set({a: 'wide'}) returned ${JSON.stringify(errs)}`);
  assert.match(String(errs[0]), /\ba\b/);
  assert.equal((await status(page)).a, 0.5);
});

test('the learned detector trains live: accuracy rises, pause holds, reset clears', async () => {
  await openApp(page, server.url, '?scene=ring&seed=1');
  await page.evaluate(() => window.digitlab.start());
  const st = await waitStatus(page, (s) => s.trainAcc >= 0.9 || !!s.trainError,
    { timeout: 240_000, what: 'the learned ring detector to reach 90% training accuracy' });
  assert.ok(!st.trainError, `training error: ${st.trainError}`);
  assert.ok(st.step > 0 && st.running);
  await screenshot(page, 'ring-learned');
  await page.evaluate(() => window.digitlab.pause());
  const paused = await waitStatus(page, (s) => !s.running, { timeout: 5000, what: 'pause()' });
  await page.waitForTimeout(500);
  assert.equal((await status(page)).step, paused.step, 'steps continue while paused');
  await page.evaluate(() => window.digitlab.reset());
  await waitStatus(page, (s) => s.step === 0, { timeout: 5000, what: 'reset()' });
});

test('the learned net\'s linear regions are counted while it trains, and drawn with the kinks', async () => {
  await page.evaluate(() => window.digitlab.set({ scene: 'ring', arch: '2-16-16-1', kinks1: 1, kinks2: 1 }));
  let st = await waitStatus(page, (s) => s.arch === '2-16-16-1' && s.learnedRegions > 1, { timeout: 30_000, what: 'the 2-16-16-1 net counted' });
  const first = st.learnedRegions;
  await page.evaluate(() => window.digitlab.start());
  st = await waitStatus(page, (s) => s.learnedRegionHistory.length >= 3 && s.step > 2000, { timeout: 120_000, what: 'three counts while training' });
  await page.evaluate(() => window.digitlab.pause());
  const h = st.learnedRegionHistory;
  for (let i = 1; i < h.length; i++) assert.ok(h[i][0] > h[i - 1][0], `steps ascend: ${JSON.stringify(h)}`);
  assert.ok(h.every(([, n]) => n > 1), `counts ${JSON.stringify(h)}`);
  assert.equal(h[0][1], first);
  // The chart beside them plots the counts and the held-out accuracy
  // against the step.
  const acc = st.learnedAccuracyHistory;
  assert.ok(acc.length >= 2, `accuracy history ${JSON.stringify(acc)}`);
  for (let i = 1; i < acc.length; i++) assert.ok(acc[i][0] > acc[i - 1][0], `steps ascend: ${JSON.stringify(acc)}`);
  assert.ok(acc.every(([, a]) => a >= 0 && a <= 1), `accuracies ${JSON.stringify(acc)}`);
  await frames(page, 3);
  assertNotBlank((await screenshot(page, 'ring-learned-regions')).stats, 'the learned regions');
});
