// The page's figures in headless Chromium, medians of several runs: time
// from navigation to the first drawn frame, time until MNIST is ready, the
// frame rate idle, while the trainer worker loads and unpacks MNIST, and
// while it trains; and for each model, the run from Start to done in the
// page: seconds, training samples per second (samples / seconds) and the
// frame rate meanwhile, against the same run on Node (the Go benchmark
// BenchmarkRunToDone under js/wasm, which ./build.sh bench runs first; its
// output is the file BENCH_NODE_FILE). Chromium here
// renders WebGL in software (SwiftShader), so frame rates are lower bounds
// for a machine with a GPU.
//
// Environment: BENCH_RUNS (default 3), BENCH_SIZE (default 1024x640),
// BENCH_MODELS (default cnn,mlp10,best), BENCH_NODE_FILE.
import { readFileSync } from 'node:fs';
import { startServer, launchBrowser, openApp, status, waitStatus } from './lib.mjs';

const runs = Number(process.env.BENCH_RUNS || 3);
const [width, height] = (process.env.BENCH_SIZE || '1024x640').split('x').map(Number);
const models = (process.env.BENCH_MODELS || 'cnn,mlp10,best').split(',');
const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// nodeRates: the median samples/s per model of the benchmark's lines
// "BenchmarkRunToDone/<model>[-N]  1  <x> samples/s  <y> s/run".
const nodeRates = {};
if (process.env.BENCH_NODE_FILE) {
  const seen = {};
  for (const line of readFileSync(process.env.BENCH_NODE_FILE, 'utf8').split('\n')) {
    const m = line.match(/^BenchmarkRunToDone\/([\w-]+?)(?:-\d+)?\s.*?([\d.]+) samples\/s/);
    if (m) (seen[m[1]] ||= []).push(Number(m[2]));
  }
  for (const [k, v] of Object.entries(seen)) nodeRates[k] = median(v);
}
const tasks = { cnn: '4v9', linear: '4v9', vanilla: '4v9', mlp10: '10', best: '10', cnn10: '10', 'cnn10-tanh': '10', convnetjs: '10', digits64: 'digits8' };


// fpsWhile samples status().fps every gap ms while pred(status) holds (at
// most limit ms) and returns the samples.
async function fpsWhile(page, pred, { gap = 250, limit = 600_000 } = {}) {
  const xs = [];
  const t0 = Date.now();
  for (;;) {
    const st = await status(page);
    if (!pred(st) || Date.now() - t0 > limit) return { xs, st };
    xs.push(st.fps);
    await page.waitForTimeout(gap);
  }
}

const server = await startServer();
const browser = await launchBrowser({ width, height });
const load = [];
const byModel = Object.fromEntries(models.map((m) => [m, []]));
try {
  for (let r = 0; r < runs; r++) {
    // Loading: the first frame, then the frame rate while the worker
    // downloads and unpacks MNIST, then idle.
    const page = await browser.context.newPage();
    const t0 = Date.now();
    await openApp(page, server.url, '?scene=digits&task=4v9&model=cnn', 180_000);
    const firstFrame = await page.evaluate(() => window.digitlabStartedAt);
    // Frames from the first one until MNIST is ready, counted in the page.
    await page.evaluate(() => {
      window.__frames = 0;
      const tick = () => { window.__frames++; requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    });
    const f0 = await page.evaluate(() => [window.__frames, performance.now()]);
    await fpsWhile(page, (s) => !(s.ready && s.built), { gap: 100, limit: 180_000 });
    const f1 = await page.evaluate(() => [window.__frames, performance.now()]);
    const loadingFps = (1000 * (f1[0] - f0[0])) / (f1[1] - f0[1]);
    const ready = Date.now() - t0;
    await page.waitForTimeout(1500);
    const idle = (await fpsWhile(page, () => true, { gap: 400, limit: 2000 })).xs;
    load.push({ firstFrame, ready, loadingFps, idle: median(idle) });
    console.log(`load ${r + 1}/${runs}: first frame ${firstFrame.toFixed(0)} ms, ready ${ready} ms, ` +
      `${loadingFps.toFixed(1)} frames/s from the first frame to ready (${((f1[1] - f0[1]) / 1000).toFixed(1)} s), fps idle ${median(idle).toFixed(1)}`);

    for (const model of models) {
      await openApp(page, server.url, `?scene=digits&task=${tasks[model]}&model=${model}`, 180_000);
      await waitStatus(page, (s) => s.ready && s.built && s.model === model, { timeout: 180_000, what: 'ready' });
      await page.waitForTimeout(1000);
      const idleM = median((await fpsWhile(page, () => true, { gap: 400, limit: 2000 })).xs);
      await page.evaluate(() => window.digitlab.start());
      const ts = Date.now();
      let to99 = NaN;
      const xs = [];
      let st;
      for (;;) {
        await page.waitForTimeout(250);
        st = await status(page);
        if (st.running) xs.push(st.fps);
        if (Number.isNaN(to99) && st.fullTestN >= 10000 && st.fullTestAcc >= 0.99) to99 = (Date.now() - ts) / 1000;
        if (st.done || st.diverged || Date.now() - ts > 600_000) break;
      }
      st = await waitStatus(page, (s) => s.fullTestStep === s.step, { timeout: 120_000, what: 'the final full test pass' });
      // Start to done as the worker clocked it (runSecs), the definition
      // of Node's s/run; the page's polls would add up to half a second.
      const secs = st.runSecs;
      if (Number.isNaN(to99) && st.fullTestN >= 10000 && st.fullTestAcc >= 0.99) to99 = secs;
      const row = { secs, seen: (Date.now() - ts) / 1000, sps: st.samples / secs, fps: median(xs), idle: idleM, acc: st.fullTestAcc, n: st.fullTestN, to99 };
      byModel[model].push(row);
      console.log(`${model} ${r + 1}/${runs}: ${st.samples} samples in ${secs.toFixed(1)} s (${row.seen.toFixed(1)} s seen by the test) = ${row.sps.toFixed(0)} samples/s, ` +
        `fps ${row.fps.toFixed(1)} training vs ${idleM.toFixed(1)} idle, test accuracy ${st.fullTestAcc.toFixed(4)} on ${st.fullTestN}` +
        (Number.isNaN(to99) ? '' : `, >= 0.99 after ${to99.toFixed(1)} s`));
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}

const col = (rows, k) => median(rows.map((x) => x[k]));
console.log(`\nmedians of ${runs} runs at ${width}x${height}:`);
console.log(`  navigation to first drawn frame: ${col(load, 'firstFrame').toFixed(0)} ms`);
console.log(`  navigation to MNIST ready:       ${col(load, 'ready').toFixed(0)} ms`);
console.log(`  fps idle:                        ${col(load, 'idle').toFixed(1)}`);
console.log(`  fps while MNIST loads:           ${col(load, 'loadingFps').toFixed(1)}   (goal >= 0.9 x idle: ${(col(load, 'loadingFps') / col(load, 'idle')).toFixed(2)})`);
for (const model of models) {
  const rows = byModel[model];
  const sps = col(rows, 'sps');
  const node = nodeRates[model];
  const ratio = node ? ` = ${(sps / node).toFixed(2)} x Node's ${node.toFixed(0)}` : '';
  console.log(`  ${model.padEnd(6)} Start to done ${col(rows, 'secs').toFixed(1)} s, ${sps.toFixed(0)} samples/s${ratio} (goal >= 0.9), ` +
    `fps ${col(rows, 'fps').toFixed(1)} vs idle ${col(rows, 'idle').toFixed(1)} = ${(col(rows, 'fps') / col(rows, 'idle')).toFixed(2)} (goal >= 0.9), ` +
    `test accuracy ${col(rows, 'acc').toFixed(4)}` + (model === 'best' ? `, >= 0.99 after ${col(rows, 'to99').toFixed(1)} s (goal <= 60)` : ''));
}
