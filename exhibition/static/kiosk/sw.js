// The kiosk's service worker: a complete offline copy of one kiosk, kept by version.
//
// Served from /kiosk/<slug>/sw.js, so its scope is that kiosk. On install it fetches
// precache.json (every page, image and asset of the kiosk) into a cache named after
// the content version. Pages and images are then answered from that copy, so the
// kiosk shows one consistent version and keeps running when the server is away.
// The page asks for a refresh at an idle reset when the server reports a new
// version; the new copy is filled completely before it replaces the old one.
// Audio and video within the kiosk's budget are kept too; a player's range
// requests are answered from the kept file as 206 partial responses.
"use strict";

const SCOPE = new URL(self.registration.scope);
const PREFIX = `kiosk:${SCOPE.pathname}:`;
const PRECACHE_URL = new URL("precache.json", SCOPE).href;
const COMPLETE = new URL("__complete__", SCOPE).href;
// Always from the network: they report on the server's state.
const LIVE = new Set(
  ["precache.json", "version.json", "heartbeat", "sw.js"].map((name) => new URL(name, SCOPE).href)
);
const PARALLEL = 4;

let current = null;
let refreshing = null;

async function currentCacheName() {
  if (current && (await caches.has(current))) return current;
  current = null;
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX)) continue;
    const cache = await caches.open(name);
    if (await cache.match(COMPLETE)) current = name;
  }
  return current;
}

async function status() {
  const name = await currentCacheName();
  return { type: "status", ready: Boolean(name), version: name ? name.slice(PREFIX.length) : null };
}

async function fill(cache, urls, { previous = null, reload = false } = {}) {
  const queue = [...urls];
  const worker = async () => {
    while (queue.length) {
      const url = queue.shift();
      if (await cache.match(url)) continue;
      const kept = previous ? await previous.match(url) : null;
      if (kept) {
        await cache.put(url, kept);
        continue;
      }
      const response = await fetch(url, { cache: reload ? "reload" : "default", credentials: "same-origin" });
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      await cache.put(url, response);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}

async function fillVersion() {
  const response = await fetch(PRECACHE_URL, { cache: "no-store", credentials: "same-origin" });
  if (!response.ok) throw new Error(`precache list: ${response.status}`);
  const list = await response.json();
  const name = PREFIX + list.version;
  const previousName = await currentCacheName();
  if (previousName === name) return status();
  const cache = await caches.open(name);
  const previous = previousName ? await caches.open(previousName) : null;
  // Pages and assets are fetched afresh; a rendition's URL names its picture, so an
  // image already kept can be copied from the previous version.
  await fill(cache, list.pages, { reload: true });
  await fill(cache, list.assets, { reload: true });
  await fill(cache, list.images, { previous });
  // Clip files are named by a random id, so a kept one is copied like an image.
  await fill(cache, list.media || [], { previous });
  await cache.put(COMPLETE, new Response(list.version));
  current = name;
  for (const other of await caches.keys()) {
    if (other.startsWith(PREFIX) && other !== name) await caches.delete(other);
  }
  return status();
}

function refresh() {
  if (!refreshing) {
    refreshing = fillVersion()
      .catch(() => status())
      .finally(() => {
        refreshing = null;
      });
  }
  return refreshing;
}

self.addEventListener("install", (event) => {
  self.skipWaiting();
  // A failed first copy is retried quietly by the page; never block installation.
  event.waitUntil(refresh());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    self.clients.claim().then(async () => {
      for (const client of await self.clients.matchAll()) client.postMessage(await status());
    })
  );
});

self.addEventListener("message", (event) => {
  const port = event.ports && event.ports[0];
  const type = event.data && event.data.type;
  if (!port || (type !== "status" && type !== "refresh")) return;
  event.waitUntil((type === "refresh" ? refresh() : status()).then((reply) => port.postMessage(reply)));
});

// A media element asks for "bytes=start-end"; answer from the whole kept file.
async function partial(request, response) {
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.get("Range") || "");
  if (!range) return response;
  const body = await response.blob();
  const start = range[1] ? Number(range[1]) : Math.max(0, body.size - Number(range[2]));
  const end = range[1] && range[2] ? Math.min(Number(range[2]), body.size - 1) : body.size - 1;
  if (start >= body.size || start > end) {
    return new Response(null, { status: 416, headers: { "Content-Range": `bytes */${body.size}` } });
  }
  return new Response(body.slice(start, end + 1), {
    status: 206,
    headers: {
      "Content-Type": response.headers.get("Content-Type") || "",
      "Content-Range": `bytes ${start}-${end}/${body.size}`,
      "Content-Length": String(end - start + 1),
    },
  });
}

async function respond(request) {
  const name = await currentCacheName();
  if (name) {
    const hit = await (await caches.open(name)).match(request, { ignoreVary: true });
    if (hit) return request.headers.has("Range") ? partial(request, hit) : hit;
  }
  try {
    return await fetch(request);
  } catch (error) {
    const kept = await caches.match(request, { ignoreVary: true });
    if (kept) return kept;
    if (request.mode === "navigate") {
      const home = await caches.match(SCOPE.href, { ignoreVary: true });
      if (home) return home;
    }
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || LIVE.has(url.origin + url.pathname)) return;
  event.respondWith(respond(request));
});
