// Race lanes (issue 15): compare= trains up to four models side by side,
// each in its own trainer worker, on the same data in the same order;
// the table equals the command line's run table000 for seed 000's
// set-up, to the printed digit; the CSV has a column set per lane; the
// buttons start and end a race. Screenshots: e2e/screenshots/race-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFile } from 'node:fs/promises';
import { useApp, openApp, status, waitStatus, frames, screenshot, assertNotBlank, repoRoot, clickAt } from './lib.mjs';

let server, browser, page, errors;

useApp({ width: 1024, height: 640 }, (c) => ({ server, browser, page, errors } = c));

const clickRect = (r) => clickAt(page, r[0] + r[2] / 2, r[1] + r[3] / 2);

// table000 runs the CLI's seed 000 table for steps steps and returns its
// rows: {model, trainAcc, trainLoss, testAcc, testLoss} as printed.
async function table000(steps, seed) {
  const cli = process.env.DIGITLAB_CLI;
  const args = ['run', 'table000', '--steps', String(steps), '--seed', String(seed), '--quiet'];
  const { stdout } = cli
    ? await promisify(execFile)(cli, args)
    : await promisify(execFile)('go', ['run', './cmd/digitlab', ...args], { cwd: repoRoot });
  const rows = [];
  for (const line of stdout.split('\n')) {
    const m = line.match(/^(Linear|Vanilla|CNN)\s*\|\s*([\d.]+)\s*\|\s*([\d.]+)\s*\|\s*([\d.]+)\s*\|\s*([\d.]+)/);
    if (m && rows.length < 3) rows.push({ model: m[1].toLowerCase(), trainAcc: m[2], trainLoss: m[3], testAcc: m[4], testLoss: m[5] });
  }
  assert.equal(rows.length, 3, `run table000 printed:\n${stdout}`);
  return rows;
}

test("a race of seed 000's models gives the command line's table000, to the printed digit", async () => {
  errors.length = 0;
  const [want] = await Promise.all([
    table000(2000, 42),
    openApp(page, server.url, '?scene=digits&task=4v9&compare=linear,vanilla,cnn&steps=2000'),
  ]);
  let st = await waitStatus(page, (s) => s.race === 'linear,vanilla,cnn' && s.compare.length === 3 && s.compare.every((l) => l.state === 'paused'),
    { timeout: 240_000, what: 'three lanes built, paused' });
  assert.deepEqual(st.compare.map((l) => l.model), ['linear', 'vanilla', 'cnn']);
  await page.evaluate(() => window.digitlab.start());
  await waitStatus(page, (s) => s.compare.some((l) => l.running && l.step > 0), { timeout: 60_000, what: 'the lanes training' });
  st = await waitStatus(page, (s) => s.compare.every((l) => l.done && l.trainWhole && l.step === 2000),
    { timeout: 600_000, what: 'every lane done at step 2000 and judged on the whole training set' });
  const rows = st.compare.map((l) => ({ model: l.model === 'cnn' ? 'cnn' : l.model, trainAcc: l.trainAcc.toFixed(3), trainLoss: l.trainLoss.toFixed(3), testAcc: l.testAcc.toFixed(3), testLoss: l.testLoss.toFixed(3) }));
  assert.deepEqual(rows, want, `page ${JSON.stringify(rows)}\nCLI  ${JSON.stringify(want)}`);
  for (const l of st.compare) {
    assert.ok(l.samplesPerSec > 0, `${l.model}: samples/s ${l.samplesPerSec}`);
    assert.equal(l.testN, 1991);
  }
  await frames(page, 3);
  assertNotBlank((await screenshot(page, 'race-table000-1024')).stats, 'the race at 1024×640');

  // The CSV: a column set per lane, a row per step any lane has a point at.
  const [download] = await Promise.all([page.waitForEvent('download'), clickRect(st.csvRect)]);
  assert.equal(download.suggestedFilename(), 'digitlab-race-linear-vanilla-cnn-history.csv');
  const text = (await readFile(await download.path())).toString();
  const lines = text.trim().split('\n');
  const head = lines[0].split(',');
  assert.equal(head.length, 1 + 3 * 7, lines[0]);
  for (const m of ['linear', 'vanilla', 'cnn']) assert.ok(head.includes(`${m}:test_acc`), `no ${m}:test_acc in ${lines[0]}`);
  const steps = lines.slice(1).map((l) => Number(l.split(',')[0]));
  assert.deepEqual(steps, [...steps].sort((a, b) => a - b), 'rows in step order');
  assert.equal(steps[steps.length - 1], 2000);
  const last = lines[lines.length - 1].split(',');
  const at = (name) => Number(last[head.indexOf(name)]);
  assert.ok(Math.abs(at('cnn:test_acc') - st.compare[2].testAcc) < 1e-6, `last row ${last}`);
  assert.deepEqual(errors, [], 'no console errors');
});

test('the buttons race the optimisers and end the race; the charts keep a line per lane', async () => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page, server.url, '?scene=digits&task=digits8');
  let st = await waitStatus(page, (s) => s.built && s.synced, { timeout: 120_000, what: 'digits64 built' });
  await frames(page, 3);
  await clickRect(st.raceOptsRect);
  st = await waitStatus(page, (s) => s.race === 'sgd,momentum,adam' && s.compare.length === 3 && s.compare.every((l) => l.state === 'paused'),
    { timeout: 120_000, what: 'an optimiser race of three lanes' });
  assert.deepEqual(st.compare.map((l) => [l.model, l.opt]), [['digits64', 'sgd'], ['digits64', 'momentum'], ['digits64', 'adam']]);
  await page.evaluate(() => window.digitlab.start());
  st = await waitStatus(page, (s) => s.compare.every((l) => l.step >= 20), { timeout: 120_000, what: 'every lane 20 steps on' });
  await page.waitForTimeout(1500); // a live refresh of the charts
  await frames(page, 3);
  assertNotBlank((await screenshot(page, 'race-optimisers-1280')).stats, 'the optimiser race at 1280×800');
  assert.match(await page.evaluate(() => location.search), /compare=sgd(%2C|,)momentum(%2C|,)adam/, 'the address bar has the race');
  await clickRect(st.raceModelsRect);
  st = await waitStatus(page, (s) => s.race === '' && s.compare.length === 0, { timeout: 30_000, what: 'the race ended' });
  st = await waitStatus(page, (s) => s.synced && s.built, { timeout: 60_000, what: 'the run on its own again' });
  assert.equal(st.model, 'digits64');
  await page.waitForFunction(() => !location.search.includes('compare='), null, { timeout: 10_000 }); // (the address bar follows twice a second)
  // A bad value is refused on screen.
  await page.evaluate(() => window.digitlab.set({ compare: 'digits64' }));
  st = await status(page);
  assert.equal(st.race, '');
  assert.match(String(st.error), /compare/);
  await page.setViewportSize({ width: 1024, height: 640 });
});
