// The frame around the scenes: loading without errors, the JS API contract,
// each tab rendering, URL options, keyboard and mouse switching of tabs,
// resizing, high-DPI, and the example links of README.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  useApp, launchBrowser, openApp, status, waitStatus, frames,
  focusCanvas, pressKey, screenshot, assertNotBlank, pixelStats, findTabs, clickAt, scenes, repoRoot,
} from './lib.mjs';

let server, browser, page, errors;
let defaults; // status() of a plain load

useApp({ width: 1024, height: 640 }, (c) => ({ server, browser, page, errors } = c));

const clickRect = (r) => clickAt(page, r[0] + r[2] / 2, r[1] + r[3] / 2);

test('the page loads with no console errors, hides the loader and fills the window with the canvas', async () => {
  errors.length = 0;
  await openApp(page, server.url);
  await frames(page, 10);
  await page.waitForTimeout(500);
  assert.deepEqual(errors, [], 'console errors while loading');
  assert.equal(await page.isHidden('#loader'), true, 'the loader is still shown after digitlabStarted()');
  const box = await page.evaluate(() => {
    const r = document.querySelector('canvas').getBoundingClientRect();
    return { w: r.width, h: r.height, x: r.x, y: r.y, vw: innerWidth, vh: innerHeight, scroll: document.documentElement.scrollHeight };
  });
  assert.equal(box.x, 0); assert.equal(box.y, 0);
  assert.equal(box.w, box.vw, 'canvas width'); assert.equal(box.h, box.vh, 'canvas height');
  assert.ok(box.scroll <= box.vh, `the page scrolls (${box.scroll} > ${box.vh})`);
  defaults = await status(page);
});

test('window.digitlab follows the JS API contract', async () => {
  const api = await page.evaluate(() => Object.fromEntries(
    ['status', 'set', 'start', 'pause', 'reset', 'step', 'predict'].map((k) => [k, typeof window.digitlab[k]])));
  for (const [k, t] of Object.entries(api)) assert.equal(t, 'function', `window.digitlab.${k} is ${t}`);

  const st = await status(page);
  const num = (v) => v === null || typeof v === 'number';
  const checks = {
    scene: (v) => scenes.includes(v),
    ready: (v) => typeof v === 'boolean',
    running: (v) => typeof v === 'boolean',
    step: (v) => Number.isInteger(v) && v >= 0,
    samplesPerSec: num,
    fps: (v) => typeof v === 'number' && v >= 0,
    task: (v) => typeof v === 'string' && v !== '',
    model: (v) => typeof v === 'string' && v !== '',
    trainLoss: num, trainAcc: num, testLoss: num, testAcc: num,
    error: (v) => v === null || typeof v === 'string',
  };
  for (const [k, ok] of Object.entries(checks)) {
    assert.ok(k in st, `status() has no ${k}: ${JSON.stringify(st)}`);
    assert.ok(ok(st[k]), `status().${k} = ${JSON.stringify(st[k])} does not fit the contract`);
  }
  assert.equal(st.scene, 'digits', 'the default scene');
  assert.ok(!st.error, `an error on a plain load: ${st.error}`);
});

test('each tab renders something (a screenshot that is not blank, different from the other tabs)', async () => {
  const shots = [];
  for (const name of scenes) {
    errors.length = 0;
    const errs = await page.evaluate((name) => window.digitlab.set({ scene: name }), name);
    assert.deepEqual(Array.from(errs), [], `set({scene: ${name}})`);
    await waitStatus(page, (s) => s.scene === name, { what: `scene ${name}` });
    await frames(page, 10);
    await page.waitForTimeout(700);
    const shot = await screenshot(page, `scene-${name}`);
    assertNotBlank(shot.stats, `the ${name} tab`);
    assert.deepEqual(errors, [], `console errors on the ${name} tab`);
    shots.push({ name, shot });
  }
  // The scenes must not all be the same picture: compare the area below the
  // tab bar pairwise.
  for (let i = 0; i < shots.length; i++) {
    for (let j = i + 1; j < shots.length; j++) {
      const a = shots[i].shot, b = shots[j].shot;
      let diff = 0;
      for (let k = 4 * a.width * 60; k < a.data.length; k += 4) {
        if (Math.abs(a.data[k] - b.data[k]) + Math.abs(a.data[k + 1] - b.data[k + 1]) + Math.abs(a.data[k + 2] - b.data[k + 2]) > 30) diff++;
      }
      const frac = diff / (a.width * (a.height - 60));
      assert.ok(frac > 0.01, `${shots[i].name} and ${shots[j].name} look the same (${(100 * frac).toFixed(2)}% of pixels differ)`);
    }
  }
});

test('URL options are applied and visible in status()', async () => {
  await openApp(page, server.url, '?scene=digits&task=4v9&model=cnn&opt=momentum&lr=0.01');
  let st = await status(page);
  assert.equal(st.scene, 'digits');
  assert.equal(st.task, '4v9');
  assert.equal(st.model, 'cnn');
  assert.equal(st.opt, 'momentum');
  assert.equal(st.lr, 0.01);
  assert.ok(!st.error, `error for valid options: ${st.error}`);

  await openApp(page, server.url, '?scene=digits&model=linear');
  assert.equal((await status(page)).model, 'linear');

  await openApp(page, server.url, '?scene=ring');
  assert.equal((await status(page)).scene, 'ring');
});

test('a bad URL option is reported and the default kept', async () => {
  const def = defaults ?? await status(page);
  await openApp(page, server.url, '?scene=digits&model=nosuchmodel');
  let st = await status(page);
  assert.equal(st.model, def.model, 'an unknown model should leave the default');
  assert.match(String(st.error), /model/i, 'status().error should say which option was wrong');
  await page.waitForTimeout(300);
  await screenshot(page, 'bad-option');

  await openApp(page, server.url, '?scene=nowhere');
  st = await status(page);
  assert.equal(st.scene, 'digits', 'an unknown scene shows the first one');
  assert.match(String(st.error), /scene/i);
});

test('set() takes the URL keys and returns the errors', async () => {
  await page.evaluate(() => window.digitlab.set({ scene: 'digits' }));
  let errs = await page.evaluate(() => window.digitlab.set({ model: 'linear' }));
  assert.deepEqual(Array.from(errs), [], 'set({model: "linear"})');
  assert.equal((await status(page)).model, 'linear');

  errs = await page.evaluate(() => window.digitlab.set({ model: 'bogus' }));
  assert.equal(errs.length, 1, `set({model: "bogus"}) returned ${JSON.stringify(errs)}`);
  assert.match(String(errs[0]), /model/i);
  assert.equal((await status(page)).model, 'linear', 'a bad value keeps the current one');

  errs = await page.evaluate(() => window.digitlab.set({ scene: 'descent' }));
  assert.deepEqual(Array.from(errs), []);
  await waitStatus(page, (s) => s.scene === 'descent', { what: 'set({scene: "descent"})' });
});

test('keys 1 to 4 switch the tabs', async () => {
  await focusCanvas(page);
  for (const i of [1, 2, 3, 0]) {
    await pressKey(page, String(i + 1));
    await waitStatus(page, (s) => s.scene === scenes[i], { timeout: 5000, what: `key ${i + 1} -> ${scenes[i]}` });
  }
});

test('clicking a tab switches to it', async () => {
  await page.evaluate(() => window.digitlab.set({ scene: 'ring' }));
  await waitStatus(page, (s) => s.scene === 'ring', { what: 'ring' });
  const tabs = await findTabs(page);
  assert.deepEqual(Object.keys(tabs).sort(), [...scenes].sort(), `clicks along the tab bar reached only ${JSON.stringify(tabs)}`);
  // Tabs are in order, left to right.
  const xs = scenes.map((s) => tabs[s]);
  assert.deepEqual(xs, [...xs].sort((a, b) => a - b), `tabs out of order: ${JSON.stringify(tabs)}`);
  for (const name of ['ring', 'landscape', 'descent', 'digits']) {
    await clickAt(page, tabs[name], 22);
    await waitStatus(page, (s) => s.scene === name, { timeout: 5000, what: `a click on the ${name} tab` });
  }
  await screenshot(page, 'after-clicks');
});

test('a resized window is laid out again and redrawn (under 1024 px wide, on a page)', async () => {
  await page.evaluate(() => window.digitlab.set({ scene: 'digits' }));
  for (const [w, h] of [[1400, 900], [600, 800], [900, 700], [1024, 640]]) {
    await page.setViewportSize({ width: w, height: h });
    const st = await waitStatus(page, (s) => s.width === w && s.height === h,
      { timeout: 10_000, what: `status() width/height ${w}x${h}` });
    assert.equal(st.scene, 'digits');
    assert.equal(st.page !== null, w < 1024, `a page at ${w}×${h}: ${JSON.stringify(st.page)}`);
    assert.equal(st.rowH, w < 1024 ? 40 : 28);
    await frames(page, 5);
    const shot = await screenshot(page, `resized-${w}x${h}`);
    assert.equal(shot.width, w);
    assertNotBlank(shot.stats, `the page at ${w}x${h}`);
    // The right-hand edge is drawn too, not left black by a canvas that kept its old size.
    const edge = pixelStats(shot, { x: w - 200, y: 0, w: 200, h });
    assert.ok(edge.std > 2, `nothing drawn at the right edge at ${w}x${h}: ${JSON.stringify(edge)}`);
  }
});

test('on a high-DPI screen the canvas has device pixels (sharp drawing)', async () => {
  const hi = await launchBrowser({ width: 1024, height: 640, deviceScaleFactor: 2 });
  try {
    await openApp(hi.page, server.url);
    await frames(hi.page, 5);
    const c = await hi.page.evaluate(() => {
      const el = document.querySelector('canvas');
      return { w: el.width, h: el.height, cssW: el.clientWidth, cssH: el.clientHeight, dpr: devicePixelRatio };
    });
    assert.equal(c.dpr, 2);
    assert.equal(c.w, 2 * c.cssW, `canvas is ${c.w} device pixels wide for ${c.cssW} CSS pixels`);
    assert.equal(c.h, 2 * c.cssH);
    const st = await status(hi.page);
    assert.equal(st.width, 1024, 'status().width is in CSS pixels');
    await screenshot(hi.page, 'hidpi');
  } finally {
    await hi.close();
  }
});

test('the example links in README.md open without an error', async () => {
  const readme = await readFile(path.join(repoRoot, 'README.md'), 'utf8');
  const links = [...readme.matchAll(/\?(scene=[^`\s)]+)/g)].map((m) => m[1]);
  assert.ok(links.length >= 3, `found only ${links.length} example links in README.md`);
  for (const q of new Set(links)) {
    await openApp(page, server.url, '?' + q);
    const st = await status(page);
    assert.equal(st.scene, new URLSearchParams(q).get('scene'), `?${q}`);
    assert.equal(st.error, null, `?${q}: ${st.error}`);
  }
});

test('the address bar follows the page: a reload or a shared link opens the same set-up', async () => {
  await openApp(page, server.url);
  await page.evaluate(() => window.digitlab.set({ scene: 'digits', lr: 0.05 }));
  await page.waitForFunction(() => location.search.includes('lr=0.05'), null, { timeout: 30_000, polling: 100 });
  const search = await page.evaluate(() => location.search);
  assert.equal(search, '?scene=digits&lr=0.05');
  assert.equal((await status(page)).link, 'scene=digits&lr=0.05');
  await page.reload();
  await page.waitForFunction(() => window.digitlabStartedAt !== undefined && window.digitlab, null, { timeout: 120_000 });
  let st = await waitStatus(page, (s) => s.lr === 0.05, { what: 'lr 0.05 after the reload' });
  assert.equal(st.scene, 'digits');

  await page.evaluate(() => window.digitlab.set({ scene: 'ring', a: 0.5, b: 1.5 }));
  await page.waitForFunction(() => location.search === '?scene=ring&a=0.5&b=1.5', null, { timeout: 30_000, polling: 100 });
  // A bad option is reported, not written back: the address shows what the page does.
  await page.evaluate(() => window.digitlab.set({ scene: 'descent', eta: -1 }));
  await page.waitForFunction(() => location.search === '?scene=descent', null, { timeout: 30_000, polling: 100 });
  st = await status(page);
  assert.equal(st.eta, 0.1, 'eta=-1 keeps the default');
  const url = await page.evaluate(() => location.href);
  const other = await launchBrowser({ width: 1024, height: 640 });
  try {
    await openApp(other.page, url.replace(/\?.*/, '') + '?scene=ring&a=0.5&b=1.5');
    const s2 = await status(other.page);
    assert.equal(s2.scene, 'ring'); assert.equal(s2.a, 0.5); assert.equal(s2.b, 1.5);
  } finally {
    await other.close();
  }
  // "copy link" puts the address on the clipboard and says so in the bar.
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
  st = await status(page);
  const [cx, cy, cw, ch] = st.copyRect;
  await clickAt(page, cx + cw / 2, cy + ch / 2);
  st = await waitStatus(page, (s) => s.copied !== '', { what: 'the copy done' });
  assert.equal(st.copied, 'link copied');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);
  await frames(page, 3);
  await screenshot(page, 'shell-link-copied');
  await page.goto(server.url); // the plain address again for the tests after
});

test('each tab has an About card: × closes it for good (a reload keeps it closed), "about" opens it again', async () => {
  await openApp(page, server.url, '?scene=landscape');
  let st = await waitStatus(page, (s) => s.scene === 'landscape', { what: 'the landscape tab' });
  if (!st.about.visible) { // (an earlier test of this file closed it: open it)
    await clickRect(st.aboutOpenRect);
    st = await waitStatus(page, (s) => s.about.visible, { what: 'the card open' });
  }
  assert.ok(st.about.lines >= 1 && st.about.lines <= 3, `${st.about.lines} lines`);
  await frames(page, 3);
  await screenshot(page, 'shell-about-landscape');
  const area0 = st.panels[0].rect;
  await clickRect(st.aboutCloseRect);
  st = await waitStatus(page, (s) => !s.about.visible && s.about.closed.includes('landscape'), { what: 'the card closed' });
  await frames(page, 3);
  st = await status(page);
  assert.ok(st.panels[0].rect[1] < area0[1], `the scene moves up into the card's room: ${st.panels[0].rect} after ${area0}`);
  await page.reload();
  await page.waitForFunction(() => window.digitlabReady === true, null, { timeout: 120_000 });
  st = await waitStatus(page, (s) => s.scene === 'landscape', { what: 'landscape after the reload' });
  assert.equal(st.about.visible, false, 'a closed card stays closed after a reload');
  // Another tab has its own card.
  await page.evaluate(() => window.digitlab.set({ scene: 'descent' }));
  st = await waitStatus(page, (s) => s.scene === 'descent', { what: 'descent' });
  assert.equal(st.about.visible, !st.about.closed.includes('descent'));
  await page.evaluate(() => window.digitlab.set({ scene: 'landscape' }));
  st = await waitStatus(page, (s) => s.scene === 'landscape', { what: 'landscape again' });
  await clickRect(st.aboutOpenRect);
  await waitStatus(page, (s) => s.about.visible && !s.about.closed.includes('landscape'), { what: 'the card opened again' });
});

test('status().layout names the screen; on a touch screen (laid out on a page) the bar names taps, not keys, and a tap on the Landscape shows the read-out hovering shows, and a finger held on a control shows its tooltip', async () => {
  await openApp(page, server.url);
  let st = await status(page);
  assert.equal(st.layout, 'desktop', 'a 1024×640 window with a mouse');
  assert.equal(st.touch, false);
  assert.match(st.hint, /space start\/pause/);
  for (const [w, h, want] of [[768, 1024, 'tablet'], [390, 844, 'phone']]) {
    const t = await launchBrowser({ width: w, height: h, hasTouch: true });
    try {
      await openApp(t.page, server.url, '?scene=landscape&preset=example');
      st = await waitStatus(t.page, (s) => s.layout === want, { what: `status().layout ${want} at ${w}×${h} with touch` });
      assert.equal(st.touch, true);
      assert.match(st.hint, /tap a plot or a control/);
      assert.doesNotMatch(st.hint, /space|1-4/);
      await frames(t.page, 3);
      st = await status(t.page); // (laid out)
      const texts = await t.page.evaluate(() => window.digitlab.testHooks.texts());
      assert.ok(texts.some((b) => b.s === 'drag: draw a line · tap: read Φ there'), 'the plane\'s hint names a tap');
      assert.ok(!texts.some((b) => /wheel/.test(b.s)), 'no hint names the wheel');
      // A tap at (1,-1): Φ = -4 there, and the read-out stays once the
      // finger is lifted (the pointer rests where it was). The scene is
      // on a page (one CSS pixel per logical pixel): status()'s plot is in
      // the page's coordinates, which start at the page's view.
      assert.equal(st.width, w, `the layout is ${st.width} wide in a ${w} px window`);
      const css = 1;
      const [px, py0, pw, ph] = st.plot;
      const py = py0 + st.page.view[1] - st.page.scroll;
      const [x0, y0, x1, y1] = st.view;
      const x = px + ((1 - x0) / (x1 - x0)) * pw, y = py + ((y1 - -1) / (y1 - y0)) * ph;
      await t.page.touchscreen.tap(x, y);
      st = await waitStatus(t.page, (s) => s.hover !== null, { what: `the read-out after a tap at ${w}×${h}` });
      assert.deepEqual(st.hover, [1, -1]);
      assert.equal(st.phi, -4);
      await frames(t.page, 10);
      st = await status(t.page);
      assert.deepEqual(st.hover, [1, -1], 'the read-out stays after the finger lifts');
      await screenshot(t.page, `touch-${want}`);
      // A finger held on "about" shows its tooltip; slid off and lifted,
      // it leaves the card as it was.
      const [ax, ay, aw, ah] = st.aboutOpenRect.map((v) => v * css);
      const visible = st.about.visible;
      const cdp = await t.page.context().newCDPSession(t.page);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: ax + aw / 2, y: ay + ah / 2 }] });
      st = await waitStatus(t.page, (s) => s.tooltip !== null, { what: `a tooltip under a held finger at ${w}×${h}` });
      assert.match(st.tooltip, /About this tab/);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: w / 2, y: h - 20 }] });
      await frames(t.page, 3);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      st = await waitStatus(t.page, (s) => s.tooltip === null, { what: 'the tooltip gone once the finger lifts' });
      assert.equal(st.about.visible, visible, 'sliding off "about" before lifting does not press it');
    } finally {
      await t.close();
    }
  }
});
