// Pictures for slides (issue 15): every titled panel of every tab shows a
// PNG button at its top-right corner while the pointer is over it; a click
// downloads the panel at the screen's resolution (here 2× CSS pixels),
// title included. Screenshots: picture-button.png and the downloaded
// pictures picture-<tab>.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import {
  startServer, launchBrowser, watchConsole, openApp, status, waitStatus, frames, screenshot,
  screenshotDir, pixelStats, assertNotBlank, clickAt,
} from './lib.mjs';
import { decodePNG } from './png.mjs';

let server, browser, page, errors;

before(async () => {
  server = await startServer();
  browser = await launchBrowser({ width: 1024, height: 640, deviceScaleFactor: 2 });
  page = browser.page;
  errors = watchConsole(page);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

// hoverPanel moves the pointer into the panel titled title and waits for
// its button.
async function hoverPanel(title) {
  let st = await waitStatus(page, (s) => s.panels.some((p) => p.title === title), { what: `a panel "${title}"` });
  const [x, y, w, h] = st.panels.find((p) => p.title === title).rect;
  await page.mouse.move(x + w / 2, y + h / 2);
  st = await waitStatus(page, (s) => s.snapPanel === title && s.snapRect, { what: `the PNG button on "${title}"` });
  return { st, rect: [x, y, w, h] };
}

// savePanel clicks the panel's button and returns the downloaded picture.
async function savePanel(title, shot) {
  const { st, rect } = await hoverPanel(title);
  const [bx, by, bw, bh] = st.snapRect;
  assert.ok(bx + bw <= rect[0] + rect[2] && by >= rect[1], `button ${st.snapRect} inside the panel ${rect}`);
  await page.mouse.move(bx + bw / 2, by + bh / 2);
  await frames(page, 2);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), clickAt(page, bx + bw / 2, by + bh / 2)]);
  const file = await download.path();
  const png = decodePNG(await readFile(file));
  await mkdir(screenshotDir, { recursive: true });
  await copyFile(file, path.join(screenshotDir, `picture-${shot}.png`));
  return { name: download.suggestedFilename(), png, rect };
}

test('every tab: the PNG button saves its panel at device resolution', async (t) => {
  t.after(() => { if (errors.length) console.log(errors.join('\n').slice(0, 3000)); });
  await openApp(page, server.url, '?scene=landscape');
  await frames(page, 5);
  let { name, png, rect } = await savePanel('Landscape: a ReLU network is piecewise linear', 'landscape');
  assert.equal(name, 'digitlab-landscape-a-relu-network-is-piecewise-linear.png');
  assert.ok(Math.abs(png.width - 2 * rect[2]) <= 2 && Math.abs(png.height - 2 * rect[3]) <= 2,
    `picture ${png.width}×${png.height} for a panel of ${rect[2]}×${rect[3]} CSS pixels at 2×`);
  assertNotBlank(pixelStats(png), 'the landscape picture');
  const st = await status(page);
  assert.equal(st.lastPicture.name, name);
  assert.equal(st.lastPicture.width, png.width);

  for (const [scene, title] of [['descent', null], ['ring', null]]) {
    await page.evaluate((s) => window.digitlab.set({ scene: s }), scene);
    await frames(page, 5);
    const panels = (await status(page)).panels;
    assert.equal(panels.length, 1, `${scene}: panels ${JSON.stringify(panels)} (the controls are left out)`);
    const got = await savePanel(title || panels[0].title, scene);
    assert.ok(got.png.width >= 2 * got.rect[2] - 2, `${scene}: ${got.png.width} px wide`);
  }

  await page.evaluate(() => window.digitlab.set({ scene: 'digits', task: 'digits8' }));
  await waitStatus(page, (s) => s.ready && s.built, { timeout: 180_000, what: 'the 8×8 digits' });
  await page.evaluate(() => window.digitlab.step(30));
  await waitStatus(page, (s) => s.synced && s.step >= 30, { timeout: 60_000, what: '30 steps' });
  await frames(page, 5);
  const titles = (await status(page)).panels.map((p) => p.title);
  assert.ok(titles.includes('Loss (mean cross-entropy)') && titles.includes('Accuracy') && !titles.includes('Training'),
    `digits panels ${titles}`);
  ({ name, png, rect } = await savePanel('Loss (mean cross-entropy)', 'digits-loss'));
  assert.equal(name, 'digitlab-loss-mean-cross-entropy.png');
  assert.ok(Math.abs(png.width - 2 * rect[2]) <= 2, `loss chart ${png.width} px for ${rect[2]} CSS px`);
  await hoverPanel('Accuracy');
  await frames(page, 3);
  await screenshot(page, 'picture-button');
  await page.mouse.move(5, 600);
  await waitStatus(page, (s) => s.snapRect === null, { what: 'the button gone off the panels' });
  assert.deepEqual(errors, []);
});
