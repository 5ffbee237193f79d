// The data download inside the app: a failed or corrupt MNIST file is shown
// with its name and a Retry button in the top bar, and Retry then loads it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useApp, openApp, status, waitStatus, clickAt, screenshot,
} from './lib.mjs';

let server, browser, page, errors;

useApp({ width: 1024, height: 640 }, (c) => ({ server, browser, page, errors } = c));

// retry clicks along the right end of the top bar, where the app puts its
// Retry button while the data failed, until a new download starts (the bytes
// loaded change; the error message itself stays in the banner).
async function retry(page) {
  const { width } = page.viewportSize();
  const before = await status(page);
  for (let x = width - 12; x > width - 240; x -= 16) {
    await clickAt(page, x, 22);
    await page.waitForTimeout(200);
    const st = await status(page);
    if (st.ready || st.loaded !== before.loaded) return;
  }
  throw new Error(`no click at the right of the top bar retried; status(): ${JSON.stringify(await status(page))}`);
}

for (const { desc, file, fulfill, want } of [
  { desc: 'an HTTP error', file: 't10k-labels-idx1-ubyte.gz', fulfill: { status: 503, body: 'unavailable' }, want: /t10k-labels.*503|503.*t10k-labels/s },
  { desc: 'a corrupt file', file: 'train-labels-idx1-ubyte.gz', fulfill: { status: 200, contentType: 'application/gzip', body: Buffer.from('not gzip at all, just bytes') }, want: /MNIST|train-labels|gzip|corrupt/i },
]) {
  test(`${desc} on ${file} is shown with the file's name; Retry loads the data`, async () => {
    const page = await browser.context.newPage();
    let block = true;
    await page.route(`**/data/${file}`, (route) => (block ? route.fulfill(fulfill) : route.continue()));
    try {
      await openApp(page, server.url, '?scene=digits&task=4v9');
      const st = await waitStatus(page, (s) => !!s.error || s.ready, { timeout: 120_000, what: 'the load error' });
      assert.equal(st.ready, false, 'ready although a data file failed');
      assert.match(String(st.error), want);
      await screenshot(page, `data-error-${file}`);

      block = false;
      await retry(page);
      await waitStatus(page, (s) => s.ready, { timeout: 120_000, what: 'ready after Retry' });
    } finally {
      await page.close();
    }
  });
}

test('the app counts the data bytes as they arrive, up to the total', async () => {
  const page = await browser.context.newPage();
  try {
    await openApp(page, server.url, '?scene=digits&task=4v9');
    const seen = [];
    for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
      const st = await status(page);
      seen.push([st.loaded, st.total]);
      if (st.ready || st.error) break;
      await page.waitForTimeout(30);
    }
    const st = await status(page);
    assert.equal(st.ready, true, `not ready: ${st.error}`);
    assert.ok(st.total > 10e6, `total ${st.total} bytes: MNIST alone is about 11.6 MB`);
    assert.equal(st.loaded, st.total, 'loaded bytes at the end');
    const partial = seen.filter(([l, t]) => l > 0 && l < t);
    assert.ok(partial.length >= 1, `no partial progress seen: ${JSON.stringify(seen.slice(0, 10))}`);
    for (let i = 1; i < seen.length; i++) {
      assert.ok(seen[i][0] >= seen[i - 1][0], `loaded went back from ${seen[i - 1][0]} to ${seen[i][0]}`);
    }
  } finally {
    await page.close();
  }
});
