// Offline use (issue 15): after a first visit the service worker has the
// whole site; with the browser offline a reload opens the app, loads the
// data, trains the Digits run in its worker and switches tabs. The web app
// manifest names the installable app. Screenshot: offline-digits.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launchBrowser, watchConsole, openApp, status, waitStatus, screenshot, frames,
} from './lib.mjs';

let server, browser, page, errors;

before(async () => {
  server = await startServer();
  browser = await launchBrowser({ width: 1024, height: 640, serviceWorkers: 'allow' });
  page = browser.page;
  errors = watchConsole(page);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('after a first visit the site opens and trains offline', async () => {
  await openApp(page, server.url, '?scene=digits&task=digits8');
  await page.waitForFunction(() => window.digitlabOffline && window.digitlabOffline !== 'storing', null, { timeout: 180_000, polling: 200 });
  assert.equal(await page.evaluate(() => window.digitlabOffline), 'ready');
  await waitStatus(page, (s) => s.ready && s.built, { timeout: 180_000, what: 'the first visit loaded' });

  const manifest = await page.evaluate(async () => (await fetch('manifest.json')).json());
  assert.equal(manifest.name, 'Digit Lab');
  assert.deepEqual(manifest.icons.map((i) => i.sizes), ['192x192', '512x512']);

  await browser.context.setOffline(true);
  try {
    // The network is gone: a direct fetch fails, the cached site does not.
    const direct = await page.evaluate(() => fetch('https://example.invalid/').then(() => 'reached', () => 'failed'));
    assert.equal(direct, 'failed');
    await openApp(page, server.url, '?scene=digits&task=digits8');
    let st = await waitStatus(page, (s) => s.ready && s.built, { timeout: 180_000, what: 'the app and its data, offline' });
    assert.equal(st.error, null, `error offline: ${st.error}`);
    await page.evaluate(() => window.digitlab.start());
    st = await waitStatus(page, (s) => s.step >= 50, { timeout: 120_000, what: 'training offline' });
    await page.waitForTimeout(1500); // the live parts redraw once a second while training
    await screenshot(page, 'offline-digits');
    await page.evaluate(() => window.digitlab.pause());
    // MNIST too: the ten-digit task loads its files from the cache.
    await page.evaluate(() => window.digitlab.set({ task: '10', model: 'mlp10' }));
    st = await waitStatus(page, (s) => s.synced && s.built && s.model === 'mlp10', { timeout: 180_000, what: 'MNIST offline' });
    assert.equal(st.error, null, `error offline: ${st.error}`);
    await page.evaluate(() => window.digitlab.set({ scene: 'ring' }));
    await frames(page, 3);
    assert.equal((await status(page)).scene, 'ring');
  } finally {
    await browser.context.setOffline(false);
  }
  assert.deepEqual(errors.filter((e) => !/offline|ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e)), []);
});
