// index.html's loader: a real progress bar for main.wasm, clear messages
// when WebAssembly is missing or a download fails, and a working retry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { useApp, startServer, openApp, screenshot, staticDir } from './lib.mjs';

let server, browser, page, errors;

useApp({ width: 1024, height: 640 }, (c) => ({ server, browser, page, errors } = c));

test('the loader shows the bytes of main.wasm counted against its size, then hides', async () => {
  // Record every text the loader shows, from before the page's own script.
  await page.addInitScript(() => {
    window.loaderTexts = [];
    document.addEventListener('DOMContentLoaded', () => {
      const what = document.getElementById('what');
      new MutationObserver(() => window.loaderTexts.push(what.textContent))
        .observe(what, { childList: true, characterData: true, subtree: true });
    });
  });
  await openApp(page, server.url);
  const texts = await page.evaluate(() => window.loaderTexts);
  const progress = texts.filter((t) => /^Loading main\.wasm: [\d.]+ MB of [\d.]+ MB$/.test(t));
  assert.ok(progress.length >= 2, `no byte progress shown; texts: ${JSON.stringify(texts.slice(0, 5))}`);
  const last = progress[progress.length - 1].match(/([\d.]+) MB of ([\d.]+) MB/);
  assert.equal(last[1], last[2], `the last progress text is ${progress[progress.length - 1]}`);
  assert.equal(await page.isHidden('#loader'), true);
});

test('a failed download of main.wasm shows an error with a retry link that works', async () => {
  let block = true;
  await page.route('**/main.wasm', (route) => (block ? route.fulfill({ status: 503, body: 'down' }) : route.continue()));
  await page.goto(server.url);
  await page.waitForSelector('#error', { state: 'visible', timeout: 30_000 });
  const msg = await page.textContent('#errmsg');
  assert.match(msg, /main\.wasm/);
  assert.match(msg, /503/);
  assert.equal(await page.isVisible('#retry'), true, 'no retry link');
  await screenshot(page, 'loader-error');

  block = false;
  await page.click('#retry');
  await page.waitForFunction(() => window.digitlabStartedAt !== undefined, null, { timeout: 60_000 });
  assert.equal(await page.isHidden('#loader'), true);
  await page.unroute('**/main.wasm');
});

test('a browser without WebAssembly gets a clear message', async () => {
  const p = await browser.context.newPage();
  await p.addInitScript(() => { delete window.WebAssembly; });
  await p.goto(server.url);
  await p.waitForSelector('#error', { state: 'visible', timeout: 10_000 });
  assert.match(await p.textContent('#errmsg'), /WebAssembly/);
  assert.equal(await p.isHidden('#retry'), true, 'retrying cannot help here');
  await p.close();
});

test('a corrupt main.wasm is reported, not left spinning', async () => {
  const p = await browser.context.newPage();
  await p.route('**/main.wasm', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: 'this is not WebAssembly' }));
  await p.goto(server.url);
  await p.waitForSelector('#error', { state: 'visible', timeout: 30_000 });
  assert.match(await p.textContent('#errmsg'), /WebAssembly|wasm|magic/i);
  assert.equal(await p.isVisible('#retry'), true);
  await p.close();
});

test('opened from the file system, the page says how to serve it', async () => {
  const p = await browser.context.newPage();
  await p.goto(pathToFileURL(path.join(staticDir, 'index.html')).href);
  await p.waitForSelector('#error', { state: 'visible', timeout: 10_000 });
  assert.match(await p.textContent('#errmsg'), /build\.sh serve|http\.server/);
  await p.close();
});

test('the site works from a sub-folder of another site (relative URLs only)', async () => {
  const site = await mkdtemp(path.join(tmpdir(), 'digitlab-site-'));
  await cp(staticDir, path.join(site, 'lab', 'digits'), { recursive: true });
  const other = await startServer({ root: site });
  const p = await browser.context.newPage();
  const urls = [];
  p.on('request', (req) => urls.push(req.url()));
  try {
    await openApp(p, other.url + 'lab/digits/', '?scene=digits&task=4v9');
    await p.waitForFunction(() => window.digitlab.status().ready || window.digitlab.status().error, null, { timeout: 120_000, polling: 200 });
    const st = await p.evaluate(() => window.digitlab.status());
    assert.equal(st.ready, true, `not ready from a sub-folder: ${st.error}`);
    const outside = urls.filter((u) => u.startsWith(other.url) && !u.startsWith(other.url + 'lab/digits/'));
    assert.deepEqual(outside, [], 'requests outside the site folder');
  } finally {
    await p.close();
    await other.stop();
    await rm(site, { recursive: true, force: true });
  }
});
