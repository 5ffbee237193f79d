// Phones and tablets: the scene is laid out on a page (ui.Page): one
// column on a phone held upright, the desktop's arrangement with the
// controls below on a tablet or a phone held sideways; the scene's main
// picture first, text at least 12 CSS px, controls at least 40 CSS px
// tall; a finger dragged where no control takes it scrolls the page, and a
// tap on a control scrolled into view presses it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openApp, status, waitStatus, frames, screenshot, scenes } from './lib.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

const texts = (page) => page.evaluate(() => window.digitlab.testHooks.texts());

// touch sends one finger's start, moves and end through CDP, with frames
// between them so that the app, which reads the pointer once a frame,
// sees every step.
async function touch(page, pts) {
  const cdp = await page.context().newCDPSession(page);
  const [x0, y0] = pts[0];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: x0, y: y0 }] });
  await frames(page, 3);
  for (const [x, y] of pts.slice(1)) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
    await frames(page, 2);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await frames(page, 3);
  await cdp.detach();
}

// swipe drags a finger up by dy along the page's left margin (where no
// control is) in steps.
async function swipe(page, st, dy) {
  const [, vy, , vh] = st.page.view;
  const y0 = vy + vh - 40, x = 5;
  const pts = [[x, y0]];
  for (let i = 1; i <= 6; i++) pts.push([x, y0 - (dy * i) / 6]);
  await touch(page, pts);
}

// onScreen is the window rectangle of a page rectangle r.
const onScreen = (st, r) => [r[0], r[1] - st.page.scroll + st.page.view[1], r[2], r[3]];

for (const [w, h, want] of [[390, 844, 'phone'], [768, 1024, 'tablet'], [844, 390, 'phone']]) {
  test(`on a ${want} (${w}×${h}, touch) each tab is on a page with its main picture first, text ≥ 12 px and controls ≥ 40 px`, async () => {
    const b = await launchBrowser({ width: w, height: h, hasTouch: true });
    try {
      await openApp(b.page, server.url, '?scene=digits');
      await waitStatus(b.page, (s) => s.ready === true || !!s.error, { timeout: 120_000, what: 'the data' });
      for (const scene of scenes) {
        await b.page.evaluate((s) => window.digitlab.set({ scene: s }), scene);
        await waitStatus(b.page, (s) => s.scene === scene && s.page !== null, { what: `${scene} on a page` });
        await frames(b.page, 5);
        const st = await status(b.page); // (laid out: the page's height is the scene's)
        assert.equal(st.layout, want);
        assert.equal(st.width, w, 'one logical pixel per CSS pixel: the layout is not scaled down');
        assert.equal(st.rowH, 40, 'control rows a finger can hit');
        assert.ok(st.page.height > st.page.view[3], `${scene}: the page (${st.page.height}) is taller than its view ${st.page.view}`);
        const [tx, ty, tw, th] = st.tabsRect;
        assert.ok(th >= 40 && tx >= 0 && tx + tw <= w, `${scene}: the tabs ${st.tabsRect} a finger can hit, inside the window`);
        const all = await texts(b.page);
        const small = all.filter((t) => t.kind === 'text' && t.rect[3] < 12 * 1.3 - 0.01);
        assert.deepEqual(small.map((t) => t.s), [], `${scene}: texts under 12 px (a line is 1.3 × the font)`);
        const tiny = all.filter((t) => t.kind === 'widget' && t.rect[3] < 40 - 0.01);
        assert.deepEqual(tiny.map((t) => `${t.s} ${t.rect}`), [], `${scene}: controls under 40 px`);
        for (const t of all) {
          const [x, y, rw, rh] = t.rect;
          assert.ok(x >= -1 && x + rw <= w + 1 && y >= -1 && y + rh <= st.page.height + 1, `${scene}: ${t.kind} "${t.s}" ${t.rect} leaves the page (${w} × ${st.page.height})`);
        }
        // The main picture first: a picture starts on the first screen,
        // and the controls come after it (above it at most the Digits
        // tab's choice of view).
        const pics = all.filter((t) => t.kind === 'picture');
        const widgets = all.filter((t) => t.kind === 'widget');
        assert.ok(pics.length > 0 && widgets.length > 3, `${scene}: pictures ${pics.length}, controls ${widgets.length}`);
        const first = Math.min(...pics.map((p) => p.rect[1]));
        const above = widgets.filter((t) => t.rect[1] < first).map((t) => t.s);
        assert.ok(above.length <= 1, `${scene}: controls above the first picture (y ${first}): ${above}`);
        assert.ok(onScreen(st, pics.find((p) => p.rect[1] === first).rect)[1] < h, `${scene}: the first picture starts on the first screen`);
        await screenshot(b.page, `${want}-${w}-${scene}`);
      }
    } finally {
      await b.close();
    }
  });
}

test('on a phone a finger dragged on the page scrolls it, and a tap on a control scrolled into view presses it', async () => {
  const b = await launchBrowser({ width: 390, height: 844, hasTouch: true });
  try {
    await openApp(b.page, server.url, '?scene=descent');
    let st = await waitStatus(b.page, (s) => s.page !== null && s.scene === 'descent', { what: 'Descent on a page' });
    await frames(b.page, 5);
    assert.equal(st.page.scroll, 0);
    const find = async (label) => (await texts(b.page)).find((t) => t.kind === 'widget' && t.s === label);
    let run = await find('run');
    assert.ok(run, 'Descent has a run button');
    // Drag up until the run button is in view (the first drag must move the page).
    for (let i = 0; i < 6 && onScreen(st, run.rect)[1] + run.rect[3] > 844 - 10; i++) {
      const before = st.page.scroll;
      await swipe(b.page, st, 300);
      st = await waitStatus(b.page, (s) => s.page.scroll > before || s.page.scroll >= s.page.height - s.page.view[3], { what: `the page scrolled past ${before}` });
    }
    assert.ok(st.page.scroll > 0, `scrolled to ${st.page.scroll}`);
    assert.equal(st.running, false, 'dragging the page does not press what the finger crosses');
    run = await find('run');
    const [x, y, rw, rh] = onScreen(st, run.rect);
    assert.ok(y >= st.page.view[1] && y + rh <= 844, `the run button ${run.rect} is on the screen at ${y}`);
    await screenshot(b.page, 'phone-descent-scrolled');
    await touch(b.page, [[x + rw / 2, y + rh / 2]]);
    st = await waitStatus(b.page, (s) => s.running === true || s.step > 0, { what: 'the run started by a tap on "run"' });
    // Dragging back down returns to the top; another tab starts at its top.
    await touch(b.page, [[5, 400], [5, 500], [5, 700], [5, 900], [5, 1200], [5, 2000]]);
    st = await waitStatus(b.page, (s) => s.page.scroll === 0, { what: 'the page back at its top' });
    await swipe(b.page, st, 200);
    await waitStatus(b.page, (s) => s.page.scroll > 0, { what: 'the page scrolled' });
    await b.page.evaluate(() => window.digitlab.set({ scene: 'ring' }));
    await waitStatus(b.page, (s) => s.scene === 'ring' && s.page.scroll === 0, { what: 'the Ring tab at its top' });
  } finally {
    await b.close();
  }
});

test('a window 1024 px wide with a mouse keeps the desktop layout (no page)', async () => {
  const b = await launchBrowser({ width: 1024, height: 640 });
  try {
    await openApp(b.page, server.url, '?scene=ring');
    const st = await waitStatus(b.page, (s) => s.scene === 'ring', { what: 'the Ring tab' });
    assert.equal(st.layout, 'desktop');
    assert.equal(st.page, null);
    assert.equal(st.rowH, 28);
  } finally {
    await b.close();
  }
});
