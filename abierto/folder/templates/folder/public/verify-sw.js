// Service worker of the verification page (/v/): keeps the page, its assets, the issuers'
// public keys and their status lists, so that a document can be verified offline after a
// first visit. Network first (fresh keys and revocations whenever there is a connection),
// the kept copy when the network fails or takes too long. It never sees a document: the
// token stays in the page's address after "#", which is not part of any request.
"use strict";

const CONFIG = {{ config }};
const CACHE = CONFIG.cache;
const BUNDLE = CONFIG.bundle;
const PREFIX = "abierto-verificacion-";
const TIMEOUT_MS = 4000;
const STORED_HEADER = "X-Abierto-Guardado";
const OFFLINE_HEADER = "X-Abierto-Sin-Conexion";

async function stamped(response) {
  const headers = new Headers(response.headers);
  headers.set(STORED_HEADER, new Date().toISOString());
  const body = await response.arrayBuffer();
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

// ``target`` is a same-origin path (fetched without cookies, past the HTTP cache) or a
// navigation request (which fetch() takes only as it is).
async function fetchWithin(target) {
  if (typeof target !== "string") {
    const timeout = new Promise((resolve, reject) => setTimeout(() => reject(new Error("timeout")), TIMEOUT_MS));
    return Promise.race([fetch(target), timeout]);
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    return await fetch(target, { signal: controller.signal, credentials: "omit", cache: "no-store" });
  } finally {
    clearTimeout(timer);
  }
}

// Fetch the bundle and everything it lists; keep each answer that arrives.
async function refresh() {
  const cache = await caches.open(CACHE);
  const response = await fetchWithin(BUNDLE);
  if (!response.ok) {
    return;
  }
  const bundle = await response.clone().json();
  await cache.put(BUNDLE, await stamped(response));
  const urls = Array.isArray(bundle.precache) ? bundle.precache : [];
  await Promise.all(
    urls.map(async (url) => {
      try {
        const answer = await fetchWithin(url);
        if (answer.ok) {
          await cache.put(url, await stamped(answer));
        }
      } catch (error) {
        // Kept as it was; the next visit tries again.
      }
    })
  );
}

self.addEventListener("install", (event) => {
  event.waitUntil(refresh().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)))
      )
      .then(() => self.clients.claim())
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "refresh") {
    // The page learns when its copies are fresh through the port it sent, if any.
    const done = () => event.ports[0] && event.ports[0].postMessage({ type: "refreshed" });
    event.waitUntil(refresh().catch(() => undefined).then(done));
  }
});

async function fromCache(request) {
  const cache = await caches.open(CACHE);
  const url = new URL(request.url);
  const kept = await cache.match(url.pathname + url.search, { ignoreVary: true });
  if (!kept) {
    return null;
  }
  const headers = new Headers(kept.headers);
  headers.set(OFFLINE_HEADER, "1");
  return new Response(await kept.arrayBuffer(), { status: kept.status, statusText: kept.statusText, headers });
}

async function networkFirst(request, keep) {
  const url = new URL(request.url);
  try {
    const response = await fetchWithin(keep ? url.pathname + url.search : request);
    if (response.ok && keep) {
      const cache = await caches.open(CACHE);
      await cache.put(url.pathname + url.search, await stamped(response.clone()));
    }
    return response;
  } catch (error) {
    const kept = await fromCache(request);
    if (kept) {
      return kept;
    }
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  const scope = new URL(self.registration.scope).pathname;
  if (request.mode === "navigate") {
    // Only the page itself; the older /v/<token> form is verified (and logged) on the server.
    if (url.pathname === scope) {
      // A navigation carries the visitor's cookies: the kept copy is the one fetched without.
      event.respondWith(networkFirst(request, false));
    }
    return;
  }
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const listed = await cache.match(url.pathname + url.search, { ignoreVary: true });
      if (!listed) {
        return fetch(request);
      }
      return networkFirst(request, true);
    })
  );
});
