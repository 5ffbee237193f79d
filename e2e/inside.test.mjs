// The Inside view (issue 14): digitlab.inside() gives every layer's output
// for the image in focus; for the vanilla model (784→32→32→1, leaky ReLU,
// no biases, sigmoid) the test checks each layer against its own float64
// forward pass with the weights the page saves (numpy's .npz, A, B, C as
// seed 000 names them). Screenshots: e2e/screenshots/inside-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, openApp, status, waitStatus, frames, screenshot, assertNotBlank, clickAt } from './lib.mjs';

let server, browser, page, errors;

useApp({ width: 1024, height: 640 }, (c) => ({ server, browser, page, errors } = c));

const clickRect = (r) => clickAt(page, r[0] + r[2] / 2, r[1] + r[3] / 2);

// readNPZ reads an uncompressed .npz (a zip of .npy files stored as they
// are, which the page writes) into {name: {shape, data: Float64Array}},
// through the zip's central directory (the local headers leave the sizes
// to a data descriptor).
function readNPZ(buf) {
  const out = {};
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'no end of central directory');
  const entries = buf.readUInt16LE(eocd + 10);
  for (let k = 0, c = buf.readUInt32LE(eocd + 16); k < entries; k++) {
    assert.equal(buf.readUInt32LE(c), 0x02014b50, 'a central directory entry');
    const method = buf.readUInt16LE(c + 10);
    const size = buf.readUInt32LE(c + 20);
    const cn = buf.readUInt16LE(c + 28), ce = buf.readUInt16LE(c + 30), cc = buf.readUInt16LE(c + 32);
    const name = buf.toString('utf8', c + 46, c + 46 + cn).replace(/\.npy$/, '');
    const off = buf.readUInt32LE(c + 42);
    c += 46 + cn + ce + cc;
    const start = off + 30 + buf.readUInt16LE(off + 26) + buf.readUInt16LE(off + 28);
    assert.equal(method, 0, `${name}: stored, not compressed`);
    const npy = buf.subarray(start, start + size);
    assert.equal(npy.toString('latin1', 0, 6), '\x93NUMPY');
    const hlen = npy.readUInt16LE(8);
    const header = npy.toString('latin1', 10, 10 + hlen);
    assert.match(header, /'descr': '<f4'/);
    const shape = header.match(/'shape': \(([^)]*)\)/)[1].split(',').filter((s) => s.trim()).map(Number);
    const n = shape.reduce((a, b) => a * b, 1);
    const data = new Float64Array(n);
    for (let i = 0; i < n; i++) data[i] = npy.readFloatLE(10 + hlen + 4 * i);
    out[name] = { shape, data };
  }
  return out;
}

const lrelu = (v) => v.map((x) => (x > 0 ? x : 0.1 * x));
const matVec = (m, rows, cols, x) => Array.from({ length: rows }, (_, j) => {
  let s = 0;
  for (let i = 0; i < cols; i++) s += m[j * cols + i] * x[i];
  return s;
});

function close(got, want, what, tol = 1e-4) {
  assert.equal(got.length, want.length, `${what}: ${got.length} values, want ${want.length}`);
  for (let i = 0; i < want.length; i++) {
    assert.ok(Math.abs(got[i] - want[i]) <= tol * (1 + Math.abs(want[i])), `${what}[${i}] = ${got[i]}, own forward pass ${want[i]}`);
  }
}

test("inside() equals the test's own forward pass of the vanilla model", async () => {
  errors.length = 0;
  await openApp(page, server.url, '?scene=digits&task=4v9&model=vanilla&view=inside');
  await waitStatus(page, (s) => s.built && s.synced, { timeout: 120_000, what: 'vanilla built' });
  await page.evaluate(() => window.digitlab.step(300));
  let st = await waitStatus(page, (s) => s.synced && s.step === 300 && s.modelStep === 300 && !s.evaluating, { timeout: 60_000, what: '300 steps and their weights' });
  await frames(page, 3);
  const [download] = await Promise.all([page.waitForEvent('download'), clickRect(st.saveRect)]);
  const w = readNPZ(await readFile(await download.path()));
  assert.deepEqual(w.A.shape, [32]);
  assert.deepEqual(w.B.shape, [32, 32]);
  assert.deepEqual(w.C.shape, [32, 784]);
  const layers = await page.evaluate(() => window.digitlab.inside());
  assert.ok(Array.isArray(layers), `inside() = ${JSON.stringify(layers)}`);
  assert.deepEqual(layers.map((l) => l.name), ['input', 'dense 32', 'leaky ReLU', 'dense 32', 'leaky ReLU', 'logits', 'probabilities']);
  const x = layers[0].values;
  assert.deepEqual(layers[0].shape, [28, 28, 1]);
  const z1 = matVec(w.C.data, 32, 784, x), h1 = lrelu(z1);
  const z2 = matVec(w.B.data, 32, 32, h1), h2 = lrelu(z2);
  const z3 = matVec(w.A.data, 1, 32, h2);
  const p = 1 / (1 + Math.exp(-z3[0]));
  close(layers[1].values, z1, 'dense 32 (1)');
  close(layers[2].values, h1, 'leaky ReLU (1)');
  close(layers[3].values, z2, 'dense 32 (2)');
  close(layers[4].values, h2, 'leaky ReLU (2)');
  close(layers[5].values, z3, 'logits');
  close(layers[6].values, [1 - p, p], 'probabilities');
  st = await status(page);
  assert.equal(st.insideLayers, 7);
  await frames(page, 3);
  assertNotBlank((await screenshot(page, 'inside-vanilla-1024')).stats, 'the Inside view at 1024×640');

  // The drawing as the image in focus: none yet, the view says so.
  const fr = st.insideFocusRect;
  await clickAt(page, fr[0] + fr[2] * 0.75, fr[1] + fr[3] / 2);
  st = await waitStatus(page, (s) => s.insideFocus === 'drawing', { what: 'the drawing in focus' });
  assert.match(st.insideMessage, /Draw a digit/);
  assert.equal(await page.evaluate(() => window.digitlab.inside()), null);
  await clickAt(page, fr[0] + fr[2] * 0.25, fr[1] + fr[3] / 2);
  await waitStatus(page, (s) => s.insideFocus === 'image' && s.insideLayers === 7, { what: 'the image in focus again' });
  assert.deepEqual(errors, [], 'no console errors');
});

test('the Inside view of the CNN at 1280×800: a click on a unit selects it', async () => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page, server.url, '?scene=digits&task=4v9&model=cnn&view=inside');
  let st = await waitStatus(page, (s) => s.built && s.synced && s.insideLayers > 0, { timeout: 120_000, what: 'cnn built, its layers shown' });
  await page.evaluate(() => window.digitlab.step(200));
  st = await waitStatus(page, (s) => s.synced && s.modelStep === 200, { timeout: 60_000, what: '200 steps' });
  // Sweep the view's area until the pointer is over a unit of a conv
  // layer (one with incoming weights), then click it.
  const names = (await page.evaluate(() => window.digitlab.inside())).map((l) => l.name);
  const r = st.insideRect;
  let hit = null;
  for (let y = r[1] + 30; y < r[1] + r[3] && !hit; y += 12) {
    for (let x = r[0] + 10; x < r[0] + r[2] * 0.6 && !hit; x += 12) {
      await page.mouse.move(x, y);
      await frames(page, 1);
      const s = await status(page);
      if (s.insideHover[0] > 0 && names[s.insideHover[0]].startsWith('conv')) hit = [x, y, s.insideHover];
    }
  }
  assert.ok(hit, `no conv unit under the pointer anywhere in the view (layers ${names})`);
  await page.mouse.click(hit[0], hit[1]);
  st = await waitStatus(page, (s) => s.insideSelected[0] === hit[2][0] && s.insideSelected[1] === hit[2][1], { what: 'the unit selected' });
  await frames(page, 3);
  assertNotBlank((await screenshot(page, 'inside-cnn-selected-1280')).stats, 'the CNN inside with a unit selected');
  await page.setViewportSize({ width: 1024, height: 640 });
});
