// The page's figures in headless Chromium, medians of several runs:
// time from navigation to the first drawn frame (window.digitlabStarted),
// time until MNIST is ready, frames per second idle and while training, and
// training samples per second. Chromium here renders WebGL in software
// (SwiftShader), so frame rates are lower bounds for a machine with a GPU.
//
// Environment: BENCH_RUNS (default 5), BENCH_SIZE (default 1024x640),
// BENCH_QUERY (default ?scene=digits&task=4v9&model=linear).
import { startServer, launchBrowser, openApp, status, waitStatus } from './lib.mjs';

const runs = Number(process.env.BENCH_RUNS || 5);
const [width, height] = (process.env.BENCH_SIZE || '1024x640').split('x').map(Number);
const query = process.env.BENCH_QUERY || '?scene=digits&task=4v9&model=linear';

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function sample(page, key, n = 5, gap = 500) {
  const xs = [];
  for (let i = 0; i < n; i++) {
    await page.waitForTimeout(gap);
    xs.push((await status(page))[key]);
  }
  return median(xs);
}

const server = await startServer();
const browser = await launchBrowser({ width, height });
const rows = [];
try {
  for (let r = 0; r < runs; r++) {
    const page = await browser.context.newPage();
    const t0 = Date.now();
    await openApp(page, server.url, query, 180_000);
    const firstFrame = await page.evaluate(() => window.digitlabStartedAt);
    await waitStatus(page, (s) => s.ready, { timeout: 180_000, what: 'ready' });
    const ready = Date.now() - t0;
    await page.waitForTimeout(1500);
    const idle = await sample(page, 'fps');
    await page.evaluate(() => window.digitlab.start());
    await page.waitForTimeout(2000);
    const training = await sample(page, 'fps');
    const sps = await sample(page, 'samplesPerSec', 3);
    await page.evaluate(() => window.digitlab.pause());
    rows.push({ firstFrame, ready, idle, training, sps });
    console.log(`run ${r + 1}/${runs}: first frame ${firstFrame.toFixed(0)} ms, ready ${ready} ms, ` +
      `fps idle ${idle.toFixed(1)}, fps training ${training.toFixed(1)}, samples/s ${Number(sps).toFixed(0)}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
const col = (k) => median(rows.map((x) => x[k]));
console.log(`\nmedians of ${runs} runs at ${width}x${height}, ${query}:`);
console.log(`  navigation to first drawn frame: ${col('firstFrame').toFixed(0)} ms`);
console.log(`  navigation to MNIST ready:       ${col('ready').toFixed(0)} ms`);
console.log(`  fps idle:                        ${col('idle').toFixed(1)}   (goal >= 60)`);
console.log(`  fps while training:              ${col('training').toFixed(1)}   (goal >= 30)`);
console.log(`  training samples/s:              ${col('sps').toFixed(0)}`);
