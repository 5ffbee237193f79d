// Shared helpers of the browser tests: a static server on a free port, a
// fresh headless Chromium, the app opened at a query, screenshots and their
// pixel statistics.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { decodePNG } from './png.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..');
export const staticDir = process.env.DIGITLAB_STATIC || path.join(repoRoot, 'static');
export const screenshotDir = path.join(here, 'screenshots');
export const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

// The scenes in tab order (key 1 is the first).
export const scenes = ['digits', 'landscape', 'descent', 'ring'];

// serverBinary returns the cmd/serve binary: $DIGITLAB_SERVE as
// ./build.sh test builds it, else one built now into a temporary folder (not
// `go run`, whose child would outlive a SIGTERM).
let built;
async function serverBinary() {
  if (process.env.DIGITLAB_SERVE) return process.env.DIGITLAB_SERVE;
  if (!built) {
    built = (async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'digitlab-serve-'));
      const bin = path.join(dir, 'serve');
      await new Promise((resolve, reject) => {
        const go = spawn('go', ['build', '-o', bin, './cmd/serve'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
        go.on('error', reject);
        go.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`go build ./cmd/serve failed (${code})`))));
      });
      process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
      return bin;
    })();
  }
  return built;
}

// startServer runs cmd/serve for root (default static/) on a free 127.0.0.1
// port and resolves to { url, stop } once it has printed its URL.
export async function startServer({ root = staticDir } = {}) {
  const args = ['-addr', '127.0.0.1:0', '-root', root, '-quiet'];
  const proc = spawn(await serverBinary(), args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let errOut = '';
  proc.stderr.on('data', (d) => { errOut += d; });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server printed no URL within 30 s: ${out} ${errOut}`)), 30_000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/(http:\/\/127\.0\.0\.1:\d+\/)\s*\n/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}): ${errOut}`)); });
    proc.on('error', (e) => { clearTimeout(timer); reject(e); });
  });
  return {
    url,
    stop: () => new Promise((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    }),
  };
}

// The Chromium flags every test uses: no sandbox (root in CI), no GPU, and
// nothing that talks to the network behind the test's back.
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  // WebGL without a GPU: Ebiten draws with WebGL, which headless Chromium
  // then renders in software (SwiftShader).
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  // Keep requestAnimationFrame at full rate in a background/headless tab.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

// launchBrowser starts Chromium with a fresh profile in a temporary folder
// and resolves to { context, page, close }. The site's service worker is
// blocked unless serviceWorkers is 'allow': requests it answers would
// bypass the tests' page.route (the offline test allows it).
export async function launchBrowser({ width = 1280, height = 800, deviceScaleFactor = 1, serviceWorkers = 'block', hasTouch = false } = {}) {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'digitlab-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport: { width, height },
    deviceScaleFactor,
    serviceWorkers,
    hasTouch,
  });
  const page = context.pages()[0] || await context.newPage();
  return {
    context,
    page,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

// watchConsole records the page's console errors, uncaught exceptions and
// failed requests (but not those aborted because the test navigated away).
export function watchConsole(page) {
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
  page.on('requestfailed', (req) => {
    const why = req.failure()?.errorText ?? '';
    if (!why.includes('ERR_ABORTED')) errors.push(`request failed: ${req.url()} ${why}`);
  });
  return errors;
}

// openApp navigates to the app with an optional query ("?scene=ring") and
// waits until the app has drawn its first frame and window.digitlab exists.
// A load error shown by index.html fails with its message.
export async function openApp(page, baseURL, query = '', timeout = 120_000) {
  await page.goto(baseURL + query);
  await page.waitForFunction(
    () => window.digitlabLoadError || (window.digitlabStartedAt !== undefined && window.digitlab && typeof window.digitlab.status === 'function'),
    null, { timeout, polling: 100 });
  const loadError = await page.evaluate(() => window.digitlabLoadError);
  if (loadError) throw new Error(`the page shows a load error: ${loadError}`);
}

// status returns window.digitlab.status().
export function status(page) {
  return page.evaluate(() => window.digitlab.status());
}

// waitStatus polls status() until pred(status) is true and returns it; on
// timeout it fails with the last status seen.
export async function waitStatus(page, pred, { timeout = 30_000, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let st;
  for (;;) {
    st = await status(page);
    if (pred(st)) return st;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}; last status: ${JSON.stringify(st)}`);
    await page.waitForTimeout(100);
  }
}

// frames waits for n animation frames, so that the app has drawn a state.
export function frames(page, n = 3) {
  return page.evaluate((n) => new Promise((resolve) => {
    const tick = () => (--n <= 0 ? resolve() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  }), n);
}

// focusCanvas gives the app's canvas the keyboard focus.
export async function focusCanvas(page) {
  await page.waitForSelector('canvas');
  await page.focus('canvas');
}

// pressKey presses key and holds it for two frames: the app reads its input
// once per tick, and a press shorter than a tick could fall between two.
export async function pressKey(page, key) {
  await page.keyboard.down(key);
  await frames(page, 2);
  await page.keyboard.up(key);
  await frames(page, 1);
}

// clickAt clicks at (x, y) in CSS pixels, holding the button for two frames.
export async function clickAt(page, x, y) {
  await page.mouse.move(x, y);
  await page.mouse.down();
  await frames(page, 2);
  await page.mouse.up();
  await frames(page, 1);
}

// screenshot saves the page as e2e/screenshots/<name>.png and returns the
// decoded image with its pixel statistics.
export async function screenshot(page, name) {
  await mkdir(screenshotDir, { recursive: true });
  const png = await page.screenshot();
  await writeFile(path.join(screenshotDir, `${name}.png`), png);
  const img = decodePNG(png);
  return { ...img, stats: pixelStats(img) };
}

// pixelStats summarises an RGBA image: the standard deviation of the
// luminance, the number of distinct colours (quantised to 4 bits per
// channel) and the fraction of pixels equal to the most common colour.
export function pixelStats({ width, height, data }, region = { x: 0, y: 0, w: width, h: height }) {
  let n = 0, sum = 0, sum2 = 0;
  const counts = new Map();
  for (let y = region.y; y < region.y + region.h; y++) {
    for (let x = region.x; x < region.x + region.w; x++) {
      const i = 4 * (y * width + x);
      const r = data[i], g = data[i + 1], b = data[i + 2];
      const l = 0.299 * r + 0.587 * g + 0.114 * b;
      n++; sum += l; sum2 += l * l;
      const key = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
      counts.set(key, (counts.get(key) || 0) + 1);
    }
  }
  const mean = sum / n;
  let top = 0;
  for (const c of counts.values()) top = Math.max(top, c);
  return { mean, std: Math.sqrt(Math.max(0, sum2 / n - mean * mean)), colors: counts.size, dominant: top / n };
}

// assertNotBlank fails unless the image has visible structure: some
// contrast, several colours, and no single colour covering almost all of it.
export function assertNotBlank(stats, what) {
  const ok = stats.std > 8 && stats.colors >= 12 && stats.dominant < 0.97;
  if (!ok) throw new Error(`${what} looks blank: ${JSON.stringify(stats)}`);
}

// findTabs clicks along the tab bar at the top of the window, left to
// right, and returns where a click showed each scene ({digits: x, …}). Tabs
// are found by trying, not from coordinates, so this holds whatever the
// layout; a scene counts where a click switched to it. It stops as soon as
// every scene was seen.
export async function findTabs(page, { barY = 22, step = 60 } = {}) {
  const width = page.viewportSize().width;
  const found = {};
  let prev = (await status(page)).scene;
  for (let x = step / 2; x < width && Object.keys(found).length < scenes.length; x += step) {
    await clickAt(page, x, barY);
    const { scene } = await status(page);
    if (scene !== prev && !(scene in found)) found[scene] = x;
    prev = scene;
  }
  return found;
}

// drawStroke drags the mouse through points given in units (0..1) of the
// rectangle [x, y, w, h] (the drawing pad's, from status()), each event
// held over frames: the app reads the pointer once a frame.
export async function drawStroke(page, rect, pts) {
  const [x, y, w, h] = rect;
  const at = ([u, v]) => [x + u * w, y + v * h];
  await page.mouse.move(...at(pts[0]));
  await frames(page, 2);
  await page.mouse.down();
  await frames(page, 2);
  for (const p of pts.slice(1)) {
    await page.mouse.move(...at(p), { steps: 4 });
    await frames(page, 2);
  }
  await page.mouse.up();
  await frames(page, 3);
}

// useApp registers a suite's before and after hooks: a server on
// 127.0.0.1, a fresh browser of width×height (its page) and a console
// watcher; then(ctx) hands the suite {server, browser, page, errors} once
// they exist, and after closes both.
export function useApp({ width = 1024, height = 640 } = {}, then = () => {}, setup = async () => {}) {
  const ctx = {};
  before(async () => {
    ctx.server = await startServer();
    ctx.browser = await launchBrowser({ width, height });
    ctx.page = ctx.browser.page;
    ctx.errors = watchConsole(ctx.page);
    then(ctx);
    await setup(ctx);
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.stop();
  });
}
