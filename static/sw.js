// Digit Lab's service worker: after a first visit the site works offline.
//
// On install it stores every file of the site in the cache; afterwards each
// request goes to the network first (so a rebuilt site is seen at once) and
// falls back to the cache when the network fails. Every path is relative to
// this file, so the site works from any folder of any static host.
'use strict';

const CACHE = 'digitlab-v1';
const FILES = [
  './',
  'index.html',
  'wasm_exec.js',
  'main.wasm',
  'trainer.js',
  'trainer.wasm',
  'manifest.json',
  'icon-192.png',
  'icon-512.png',
  'data/train-images-idx3-ubyte.gz',
  'data/train-labels-idx1-ubyte.gz',
  'data/t10k-images-idx3-ubyte.gz',
  'data/t10k-labels-idx1-ubyte.gz',
  'data/digits.csv.gz',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin || req.headers.has('Range')) return;
  event.respondWith((async () => {
    try {
      const resp = await fetch(req);
      if (resp.ok && resp.status === 200) {
        const copy = resp.clone();
        const cache = await caches.open(CACHE);
        // Stored without the query: ?scene=… does not change the file.
        event.waitUntil(cache.put(url.origin + url.pathname, copy));
      }
      return resp;
    } catch (err) {
      const hit = await caches.match(req, { ignoreSearch: true });
      if (hit) return hit;
      throw err;
    }
  })());
});
