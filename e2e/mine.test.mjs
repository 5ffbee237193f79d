// My digits (issue 14): a drawing added with "add it to my digits as"
// survives a reload; export and import round-trip, and a bad file is a
// clear error that changes nothing; training with 20 copies of an unusual
// 7 mixed in raises the model's probability for it. Screenshots:
// e2e/screenshots/mine-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, openApp, status, waitStatus, frames, screenshot, clickAt, drawStroke } from './lib.mjs';

let server, browser, page, errors;

useApp({ width: 1024, height: 640 }, (c) => ({ server, browser, page, errors } = c));

const clickRect = (r) => clickAt(page, r[0] + r[2] / 2, r[1] + r[3] / 2);
const mine = () => page.evaluate(() => window.digitlab.mine.list());

test('a drawn digit added to my digits survives a reload', async () => {
  errors.length = 0;
  await openApp(page, server.url, '?scene=digits&task=10&model=cnn10&view=draw');
  let st = await waitStatus(page, (s) => s.built && s.synced, { timeout: 120_000, what: 'cnn10 built' });
  await page.evaluate(() => window.digitlab.mine.clear());
  // The layout moves while a message comes or goes: draw again until the
  // pad has the stroke.
  for (let k = 0; k < 3 && (await status(page)).padEmpty; k++) {
    await frames(page, 3);
    await drawStroke(page, (await status(page)).padRect, [[0.3, 0.2], [0.7, 0.2], [0.45, 0.85]]);
    await frames(page, 3);
  }
  st = await waitStatus(page, (s) => !s.padEmpty, { what: 'a drawing' });
  await frames(page, 2);
  await clickRect((await status(page)).mineAddRects[7]);
  st = await waitStatus(page, (s) => s.mine.n === 1, { what: 'the drawing added' });
  assert.equal(st.mine.note, 'added a 7');
  const [d] = await mine();
  assert.equal(d.label, 7);
  assert.equal(d.pixels.length, 784);
  // What is stored is the network's view of the drawing, as bytes.
  for (let i = 0; i < 784; i++) {
    assert.ok(Math.abs(d.pixels[i] - st.padPixels[i]) <= 0.5 / 255 + 1e-6, `pixel ${i}: ${d.pixels[i]} stored, ${st.padPixels[i]} seen`);
  }
  st = await waitStatus(page, (s) => s.mine.tested === 1, { what: 'the digit tested' });
  assert.equal(st.mineCells.length, 1);
  await screenshot(page, 'mine-added');

  await page.reload();
  await page.waitForFunction(() => window.digitlabReady === true, null, { timeout: 120_000 });
  st = await waitStatus(page, (s) => s.built && s.mine.n === 1, { timeout: 120_000, what: 'my digit back after the reload' });
  assert.equal(st.mine.storage, '');
  const [back] = await mine();
  assert.equal(back.label, 7);
  assert.deepEqual(back.pixels, d.pixels);
  assert.deepEqual(errors, []);
});

test('export and import: the same digits come back; a bad file is an error and nothing is lost', async () => {
  let st = await waitStatus(page, (s) => s.built && s.mine.n === 1, { what: 'one digit' });
  const [download] = await Promise.all([page.waitForEvent('download'), clickRect(st.mineExportRect)]);
  assert.equal(download.suggestedFilename(), 'digitlab-my-digits-1.json');
  const file = await readFile(await download.path());
  const json = JSON.parse(file.toString());
  assert.equal(json.format, 'digitlab my digits');
  assert.equal(json.digits.length, 1);
  assert.equal(json.digits[0].label, 7);
  assert.equal(Buffer.from(json.digits[0].pixels, 'base64').length, 784);

  // A file that is not one: the banner says so, the digit stays.
  let [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickRect(st.mineImportRect)]);
  await chooser.setFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "my notes", "version": 1}') });
  st = await waitStatus(page, (s) => s.messages.length > 0, { what: 'an error for a foreign file' });
  assert.match(st.messages.join(' '), /my digits: "notes\.json" is JSON but not a my-digits file/);
  assert.equal(st.mine.n, 1);

  // The exported file into an empty collection, then again: no doubles.
  await page.evaluate(() => window.digitlab.mine.clear());
  await waitStatus(page, (s) => s.mine.n === 0, { what: 'cleared' });
  await frames(page, 2);
  st = await status(page);
  [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickRect(st.mineImportRect)]);
  await chooser.setFiles({ name: 'mine.json', mimeType: 'application/json', buffer: file });
  st = await waitStatus(page, (s) => s.mine.n === 1, { what: 'imported' });
  assert.match(st.mine.note, /^imported 1 digits from "mine\.json"/);
  [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickRect(st.mineImportRect)]);
  await chooser.setFiles({ name: 'mine.json', mimeType: 'application/json', buffer: file });
  st = await waitStatus(page, (s) => /1 already here/.test(s.mine.note), { what: 'imported again' });
  assert.equal(st.mine.n, 1);
});

test('training on 20 copies of an unusual 7 raises its probability', async () => {
  let st = await waitStatus(page, (s) => s.built && s.synced, { what: 'built' });
  const [seven] = await mine();
  // The drawn 7 mirrored left to right: a 7 MNIST has few of.
  const odd = seven.pixels.map((_, i) => seven.pixels[Math.floor(i / 28) * 28 + 27 - (i % 28)]);
  await page.evaluate((odd) => {
    window.digitlab.mine.clear();
    for (let k = 0; k < 20; k++) window.digitlab.mine.add(odd, 7);
  }, odd);
  const bad = await page.evaluate(() => window.digitlab.mine.add([1, 2, 3], 7));
  assert.match(bad.error, /784/);
  await page.evaluate(() => window.digitlab.step(2000));
  st = await waitStatus(page, (s) => s.synced && s.step >= 2000 && s.modelStep === s.step && s.mine.step === s.modelStep && !s.mine.judging,
    { timeout: 120_000, what: '2000 steps, my digits tested' });
  const before = (await mine())[0].p;
  const step0 = st.step;

  await clickRect(st.mineTrainRect);
  st = await waitStatus(page, (s) => s.mine.mixed === 20 && s.mine.mixShare === 10, { timeout: 60_000, what: 'the worker mixing them in' });
  assert.ok(st.mine.training);
  assert.equal(st.mine.before.n, 20);
  assert.equal(st.mine.before.step, step0);
  // The run trains on to its end (step 3000) with them mixed in, then
  // Continue trains its length once more (to 6000). (Pausing and stepping
  // here raced the run's end on a loaded machine: the run could end
  // first.)
  st = await waitStatus(page, (s) => s.synced && s.done && !s.running, { timeout: 120_000, what: 'the end of the run' });
  await page.evaluate(() => window.digitlab.start());
  const target = st.step + 3000;
  st = await waitStatus(page, (s) => s.synced && s.done && s.step === target && s.modelStep === target && s.mine.step === target && !s.mine.judging,
    { timeout: 120_000, what: 'Continue: 3000 more steps with them, tested' });
  const after = (await mine())[0].p;
  console.log(`p(7) of the mirrored 7: ${before.toFixed(3)} at step ${step0}, ${after.toFixed(3)} at step ${target} after training with it mixed in`);
  assert.ok(after > before + 0.2 && after > 0.7, `p(7): ${before} before, ${after} after`);
  assert.match(await page.evaluate(() => window.digitlab.status().mine.acc.toString()), /^1$|^0\.\d+$/);
  await frames(page, 3);
  await screenshot(page, 'mine-trained');
  // Stop: the worker trains on the task's own data again.
  await clickRect((await status(page)).mineTrainRect);
  await waitStatus(page, (s) => s.mine.mixed === 0 && !s.mine.training, { what: 'stopped mixing' });
  await page.evaluate(() => window.digitlab.mine.clear());
  assert.deepEqual(errors, []);
});

test('a browser that refuses storage: the panel says so and my digits still work until the page closes', async () => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  await openApp(page, server.url, '?scene=digits&task=10&model=cnn10&view=draw');
  await waitStatus(page, (s) => s.built, { timeout: 120_000, what: 'built again' });
  const px = Array.from({ length: 784 }, (_, i) => (i % 28 > 10 && i % 28 < 14 && i > 100 && i < 700 ? 1 : 0));
  const res = await page.evaluate((px) => window.digitlab.mine.add(px, 1), px);
  assert.equal(res.error, null);
  const st = await waitStatus(page, (s) => s.mine.storage !== '', { what: 'the storage refused' });
  assert.match(st.mine.storage, /This browser refused to keep my digits \(its storage for this page is full\): they last until the page closes; export them to keep them\./);
  assert.equal(st.mine.n, 1);
  await frames(page, 3);
  await screenshot(page, 'mine-storage-refused');
  assert.deepEqual(errors, []);
});
