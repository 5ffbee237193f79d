// No text on screen overlaps another or sits on a widget, none leaves the
// window, and every picture has a legend (issue 18; the About card is
// open, as on a first visit): the
// page lists the texts, panel titles and widgets of the visible scene's
// display lists (digitlab.testHooks.texts(), measured in the page's fonts),
// and each tab and each Digits view is checked at 1024×640, 1280×800, on
// a 390×844 phone and a 768×1024 tablet (touch), whose scenes are pages
// taller than the window: there nothing may leave the page.
// What the page draws outside the lists (the top bar, banners, tooltips)
// is not in the list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openApp, status, waitStatus, frames, screenshot } from './lib.mjs';

// overlaps lists the pairs of boxes that intersect by more than a sliver:
// two texts (or a text and a title), or a text on a widget.
export function overlaps(boxes) {
  const out = [];
  const cut = (a, b) => {
    const w = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
    const h = Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);
    return w > 1 && h > 1;
  };
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.kind === 'widget' && b.kind === 'widget') continue;
      if (/^(picture|legend)$/.test(a.kind) || /^(picture|legend)$/.test(b.kind)) continue; // not texts
      if (!cut(a.rect, b.rect)) continue;
      out.push(`${a.kind} ${JSON.stringify(a.s)} at [${a.rect.map(Math.round)}] and ${b.kind} ${JSON.stringify(b.s)} at [${b.rect.map(Math.round)}]`);
    }
  }
  return out;
}

const states = [
  { name: 'digits-train', q: '?scene=digits&task=4v9&model=cnn', steps: 300, pictures: 3 },
  { name: 'digits-weights', set: { view: 'weights' }, pictures: 1 },
  { name: 'digits-mistakes', set: { view: 'mistakes' }, pictures: 1 },
  { name: 'digits-draw', set: { view: 'draw' } },
  { name: 'digits-line', set: { view: 'line' }, wait: (s) => s.linePieces !== null, pictures: 1 },
  { name: 'digits-confusion', set: { view: 'confusion' }, pictures: 1 },
  { name: 'digits-inside', set: { view: 'inside' }, wait: (s) => s.insideLayers > 0, pictures: 3 },
  { name: 'digits10-train', q: '?scene=digits&task=10&model=cnn10', steps: 200 },
  { name: 'digits10-confusion', set: { view: 'confusion' } },
  { name: 'landscape', q: '?scene=landscape&preset=example', pictures: 3 },
  { name: 'landscape-surface', q: '?scene=landscape&n=32&surface=1', pictures: 3 },
  { name: 'landscape-deep', q: '?scene=landscape&layers=8,8&seed=5' },
  { name: 'descent', q: '?scene=descent&fn=f&eta=0.3', pictures: 2 },
  { name: 'ring', q: '?scene=ring', pictures: 2 },
];

for (const [width, height, hasTouch] of [[1024, 640, false], [1280, 800, false], [390, 844, true], [768, 1024, true]]) {
  test(`no text overlaps another or a widget or leaves the window, and every picture has a legend, at ${width}×${height}${hasTouch ? ' (touch)' : ''}`, async () => {
    const server = await startServer();
    const browser = await launchBrowser({ width, height, hasTouch });
    const page = browser.page;
    const found = [];
    try {
      for (const st of states) {
        if (st.q) {
          await openApp(page, server.url, st.q);
          await waitStatus(page, (s) => s.scene !== 'digits' || (s.built && s.synced), { timeout: 120_000, what: `${st.name} ready` });
        }
        if (st.steps) {
          await page.evaluate((n) => window.digitlab.step(n), st.steps);
          await waitStatus(page, (s) => s.synced && s.step >= st.steps && s.modelStep === s.step && !s.evaluating, { timeout: 120_000, what: `${st.name}: ${st.steps} steps` });
        }
        if (st.set) await page.evaluate((o) => window.digitlab.set(o), st.set);
        if (st.wait) await waitStatus(page, st.wait, { timeout: 60_000, what: `${st.name} shown` });
        await frames(page, 20);
        const boxes = await page.evaluate(() => window.digitlab.testHooks.texts());
        assert.ok(boxes.filter((b) => b.kind === 'text').length > 3, `${st.name}: only ${boxes.length} boxes listed`);
        const o = overlaps(boxes);
        // Every picture has a legend, a scale or axes that name it.
        const legends = new Set(boxes.filter((b) => b.kind === 'legend').map((b) => b.s));
        for (const b of boxes.filter((b) => b.kind === 'picture')) {
          if (!b.s || !legends.has(b.s)) o.push(`picture ${JSON.stringify(b.s)} at [${b.rect.map(Math.round)}] has no legend`);
        }
        if (st.pictures) {
          const pics = boxes.filter((b) => b.kind === 'picture').length;
          if (pics < st.pictures) o.push(`only ${pics} pictures listed, want at least ${st.pictures}`);
        }
        const pg = (await status(page)).page; // (a phone's scene is laid out on a page)
        const bottom = pg ? pg.height : height;
        for (const b of boxes) {
          const [x, y, w, h] = b.rect;
          if (x < -1 || y < -1 || x + w > width + 1 || y + h > bottom + 1) o.push(`${b.kind} ${JSON.stringify(b.s)} at [${b.rect.map(Math.round)}] leaves the ${width}×${bottom} ${pg ? 'page' : 'window'}`);
        }
        if (o.length) {
          await screenshot(page, `texts-${st.name}-${width}`);
          found.push(...o.map((s) => `${st.name}: ${s}`));
        }
      }
    } finally {
      await browser.close();
      await server.stop();
    }
    assert.deepEqual(found, []);
  });
}
