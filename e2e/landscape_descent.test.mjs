// The Landscape and Descent scenes (issue 6): the seed's example renders
// with its exact piece count, hovering (1,-1) reads Φ = -4, dragging a line
// updates its segment count, a click in Descent starts a path that follows
// the closed form and converges, the wrong sign diverges. status() of both
// scenes carries "plot" (the plot's rectangle in CSS pixels) and "view"
// (its world rectangle), so the tests aim at world points.
// Screenshots go to e2e/screenshots/landscape-*.png and descent-*.png.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  useApp, openApp, status, waitStatus, frames,
  screenshot, assertNotBlank,
} from './lib.mjs';

let server, browser, page, errors;

useApp({ width: 1280, height: 800 }, (c) => ({ server, browser, page, errors } = c));

// toPixel maps a world point to page coordinates through status().plot/view.
function toPixel(st, x, y) {
  const [px, py, pw, ph] = st.plot;
  const [x0, y0, x1, y1] = st.view;
  return [px + ((x - x0) / (x1 - x0)) * pw, py + ((y1 - y) / (y1 - y0)) * ph];
}

// press holds the button for a few frames: a press and release that both
// fall between two frames would not be seen by the app.
async function press(x, y) {
  await page.mouse.move(x, y);
  await frames(page, 2);
  await page.mouse.down();
  await frames(page, 3);
  await page.mouse.up();
  await frames(page, 3);
}

describe('landscape', () => {
  before(async () => {
    await openApp(page, server.url, '?scene=landscape&n=3&preset=example');
    await frames(page, 5);
  });

  test('landscape: the seed example renders with 7 pieces, the default line has n+1 = 4 segments', async () => {
    const st = await status(page);
    assert.equal(st.scene, 'landscape');
    assert.equal(st.preset, 'example');
    assert.equal(st.n, 3);
    // Hand count (scenes/landscape/kinks_test.go): three lines in general position,
    // all three crossings inside [-2,2]²: 1 + 3 + 3 = 7.
    assert.equal(st.pieces, 7, `pieces ${st.pieces}`);
    assert.equal(st.kinkLines, 3);
    assert.equal(st.segments, 4, `segments on the default line ${st.segments}`);
    assert.deepEqual(st.view, [-2, -2, 2, 2]);
    assertNotBlank((await screenshot(page, 'landscape-example')).stats, 'the landscape');
    assert.deepEqual(errors, []);
  });

  test('landscape: hovering (1,-1) shows Φ = -4 with units 1 and 2 active', async () => {
    const st0 = await status(page);
    const [x, y] = toPixel(st0, 1, -1);
    await page.mouse.move(x, y);
    const st = await waitStatus(page, (s) => s.hover !== null, { what: 'hover read-out' });
    assert.deepEqual(st.hover, [1, -1]);
    assert.equal(st.phi, -4);
    assert.deepEqual(st.active, [1, 2]);
  });

  test('landscape: dragging a line across the plane updates its segments', async () => {
    const st0 = await status(page);
    // Along y = -x from (-1.5,1.5) to (1.5,-1.5) the units switch at
    // x = -1/2, -1/3 and 0: three breaks, four segments.
    const [ax, ay] = toPixel(st0, -1.5, 1.5);
    const [bx, by] = toPixel(st0, 1.5, -1.5);
    await page.mouse.move(ax, ay);
    await frames(page, 2);
    await page.mouse.down();
    await frames(page, 3);
    await page.mouse.move(bx, by, { steps: 8 });
    await frames(page, 3);
    await page.mouse.up();
    await frames(page, 3);
    const st = await status(page);
    const [x0, y0, x1, y1] = st.line;
    for (const [got, want] of [[x0, -1.5], [y0, 1.5], [x1, 1.5], [y1, -1.5]]) {
      assert.ok(Math.abs(got - want) < 0.05, `line ${st.line}, want about [-1.5,1.5,1.5,-1.5]`);
    }
    assert.equal(st.segments, 4);
    assert.equal(st.lineKinks, 3);
  });

  test('landscape: random n = 32 stays within the arrangement bound; tint and surface render', async () => {
    let errs = await page.evaluate(() => window.digitlab.set({ n: '32', seed: '7' }));
    assert.deepEqual(errs ?? [], []);
    await frames(page, 3);
    let st = await status(page);
    assert.equal(st.n, 32);
    assert.equal(st.preset, 'random');
    assert.ok(st.pieces >= st.kinkLines + 1 && st.pieces <= 1 + 32 + (32 * 31) / 2, `pieces ${st.pieces}, kink lines ${st.kinkLines}`);
    assert.ok(st.segments >= 1 && st.segments <= 33, `segments ${st.segments}`);
    await page.evaluate(() => window.digitlab.set({ tint: '1' }));
    await frames(page, 3);
    assert.equal((await status(page)).tint, true);
    await page.evaluate(() => window.digitlab.set({ tint: '0', surface: '1' }));
    await frames(page, 3);
    st = await status(page);
    assert.equal(st.surface, true);
    assertNotBlank((await screenshot(page, 'landscape-surface')).stats, 'the 3-D surface');
    errs = await page.evaluate(() => window.digitlab.set({ n: '40' }));
    assert.equal(errs.length, 1, 'n = 40 is out of range and reported');
    assert.equal((await status(page)).n, 32, 'the bad n keeps the current value');
  });
});

describe('descent', () => {
  before(async () => {
    await openApp(page, server.url, '?scene=descent');
    await frames(page, 5);
    // a reload aborts the previous page's data download: not an error
    const kept = errors.filter((e) => !/request failed: .* net::ERR_ABORTED/.test(e));
    errors.length = 0;
    errors.push(...kept);
  });

  test('descent: a click starts a path that converges to the minimum (1, 0)', async () => {
    await page.evaluate(() => window.digitlab.set({ fn: 'f', eta: '0.1', speed: '30' }));
    await frames(page, 5);
    let st = await status(page);
    assert.equal(st.scene, 'descent');
    assert.equal(st.fn, 'f');
    assert.equal(st.sign, 'descent');
    const [cx, cy] = toPixel(st, 3, -1.5);
    await press(cx, cy);
    st = await status(page);
    assert.ok(Math.abs(st.start[0] - 3) < 0.05 && Math.abs(st.start[1] + 1.5) < 0.05, `start ${st.start}`);
    st = await waitStatus(page, (s) => s.steps >= 3, { what: 'the path to take steps', timeout: 60_000 });
    await screenshot(page, 'descent-running');
    st = await waitStatus(page, (s) => s.state === 'converged', { what: 'convergence', timeout: 120_000 });
    assert.ok(Math.hypot(st.point[0] - 1, st.point[1]) < 1e-6, `converged at ${st.point}`);
    assert.equal(st.running, false, 'the run stops when the path converged');
  });

  test('descent: steps follow the closed form (1-6η)^k, (1-2η)^k; the seed\'s + sign diverges', async () => {
    await page.evaluate(() => window.digitlab.set({ fn: 'f', sign: 'descent', eta: '0.1', start: '2.5,1.5', steps: '5' }));
    let st = await status(page);
    assert.equal(st.steps, 5);
    const wx = 1 + 1.5 * 0.4 ** 5, wy = 1.5 * 0.8 ** 5;
    assert.ok(Math.abs(st.point[0] - wx) < 1e-9 && Math.abs(st.point[1] - wy) < 1e-9, `point ${st.point}, want ${[wx, wy]}`);
    assert.equal(st.behaviour, 'converges');

    await page.evaluate(() => window.digitlab.set({ sign: 'ascent', steps: '100' }));
    st = await status(page);
    assert.equal(st.state, 'diverged', `state ${st.state} at ${st.point}`);

    // |x-1| grows by |1-6·0.34| = 1.04 a step: past 1e6 after about 340 steps.
    await page.evaluate(() => window.digitlab.set({ sign: 'descent', eta: '0.34', steps: '1000' }));
    st = await status(page);
    assert.equal(st.state, 'diverged', `η = 0.34 > 1/3 diverges in x; state ${st.state} after ${st.steps} steps`);
    assert.ok(st.steps > 300 && st.steps < 400, `diverged after ${st.steps} steps`);
    assert.equal(st.behaviour, 'diverges (oscillating)');
  });

  test('descent: gradient ascent climbs the mountain B from the foggy start (0,0) to (10,3)', async () => {
    await page.evaluate(() => window.digitlab.set({ fn: 'B', eta: '0.1', steps: '500' }));
    const st = await status(page);
    assert.equal(st.fn, 'B');
    assert.equal(st.sign, 'ascent', 'B comes with ascent');
    assert.deepEqual(st.start, [0, 0]);
    assert.equal(st.state, 'converged');
    assert.ok(Math.hypot(st.point[0] - 10, st.point[1] - 3) < 1e-6, `point ${st.point}`);
    assert.ok(Math.abs(st.value - 4000) < 1e-9, `B = ${st.value}`);
    await frames(page, 3);
    assertNotBlank((await screenshot(page, 'descent-mountain')).stats, 'the mountain');
    assert.deepEqual(errors, []);
  });
});

// countPatterns counts the distinct activation patterns of the deep net
// status().net describes on an n×n grid of cell centres over view: the
// pieces a flood fill sees (pieces thinner than a cell can hide).
function countPatterns(net, view, n) {
  const [x0, y0, x1, y1] = view;
  const seen = new Set();
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let h = [x0 + ((i + 0.5) / n) * (x1 - x0), y0 + ((j + 0.5) / n) * (y1 - y0)];
      let key = '';
      for (let l = 0; l < net.W.length; l++) {
        const W = net.W[l], b = net.b[l], out = b.length, inn = h.length;
        const next = new Array(out);
        for (let o = 0; o < out; o++) {
          let z = b[o];
          for (let k = 0; k < inn; k++) z += W[o * inn + k] * h[k];
          key += z > 0 ? '1' : '0';
          next[o] = z > 0 ? z : 0;
        }
        key += '|';
        h = next;
      }
      seen.add(key);
    }
  }
  return seen.size;
}

describe('landscape, deep', () => {
  test('layers=8,8: the pieces are a count the test makes from status().net', async () => {
    await openApp(page, server.url, '?scene=landscape&layers=8,8&seed=5');
    const st = await waitStatus(page, (s) => s.counting === false, { timeout: 60_000, what: 'the pieces counted' });
    assert.deepEqual(st.layers, [8, 8]);
    assert.equal(st.net.W.length, 2);
    // 25 of this net's 151 pieces are under 1e-4 in area: a 500² grid
    // sees 136 patterns, 1000² 146, 2000² all.
    const grid = countPatterns(st.net, st.view, 2000);
    assert.ok(grid <= st.pieces && st.pieces - grid <= 2,
      `the page counts ${st.pieces} pieces, a 2000² grid sees ${grid} patterns (slivers thinner than a cell may hide)`);
    assert.ok(st.pieces <= st.serraBound, `${st.pieces} pieces, Serra et al.'s bound ${st.serraBound}`);
    assert.equal(st.kinkPolylines.length, 2);
    assert.ok(st.kinkPolylines[1] > 0, 'layer 2 has kinks');
    // The pieces-against-neurons plot has this net: 16 units.
    const last = st.piecesByNeurons[st.piecesByNeurons.length - 1];
    assert.deepEqual(last, [16, st.pieces], `piecesByNeurons ${JSON.stringify(st.piecesByNeurons)}`);
    await frames(page, 3);
    assertNotBlank((await screenshot(page, 'landscape-deep')).stats, 'the deep landscape');
    assert.deepEqual(errors, []);
  });
});
