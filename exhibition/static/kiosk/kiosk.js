// Kiosk screens: attract loop, idle reset, swipes, image zoom, offline copy, heartbeat
// (sent with the device key the start address gave the screen) and the opens it reports.
// No inline code anywhere: the page's settings come from <body data-kiosk="{…}">.
"use strict";

(() => {
  const root = document.documentElement;
  const config = JSON.parse(document.body.dataset.kiosk || "{}");
  const home = new URL(config.home, location.href);
  const seconds = (n) => n * 1000;

  // ---- Device key: given once in the start address (…/#key=…), then kept -------
  // A fragment never reaches the server or its logs; the page drops it from the
  // address at once and keeps the key in this kiosk's own storage.
  const keyName = `kiosk-key:${home.pathname}`;
  const givenKey = new URLSearchParams(location.hash.slice(1)).get("key");
  if (givenKey) {
    try { localStorage.setItem(keyName, givenKey); } catch (error) { /* storage off */ }
    history.replaceState(history.state, "", location.pathname + location.search);
  }
  function deviceKey() {
    try { return localStorage.getItem(keyName); } catch (error) { return null; }
  }

  // ---- Locked down: no menus, selection, dragging or page zoom ----------------
  const block = (event) => event.preventDefault();
  ["contextmenu", "selectstart", "dragstart", "gesturestart"].forEach((type) =>
    document.addEventListener(type, block)
  );
  document.addEventListener("wheel", (event) => { if (event.ctrlKey) event.preventDefault(); }, { passive: false });
  document.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && ["+", "-", "=", "0"].includes(event.key)) event.preventDefault();
  });
  // Every rendered link stays inside the kiosk; this refuses any that would not.
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[href]");
    if (!link) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || !url.pathname.startsWith(home.pathname)) event.preventDefault();
  });

  // ---- Attract loop (home screen) -------------------------------------------
  const attract = document.querySelector("[data-attract]");
  const browse = document.querySelector("[data-browse]");
  const slides = attract ? [...attract.querySelectorAll("[data-slide]")] : [];
  const ticks = attract ? [...attract.querySelectorAll("[data-tick]")] : [];
  let slide = 0;
  let slideTimer = null;
  root.style.setProperty("--attract-seconds", `${config.attractSeconds}s`);

  const attracting = () => Boolean(attract) && !attract.hidden;

  function nextSlide() {
    slide = (slide + 1) % slides.length;
    slides.forEach((element, n) => element.classList.toggle("is-current", n === slide));
    ticks.forEach((element, n) => element.classList.toggle("is-current", n === slide));
  }

  function explore() {
    clearInterval(slideTimer);
    attract.hidden = true;
    root.classList.add("is-exploring");
    if (browse) {
      browse.inert = false;
      browse.focus({ preventScroll: true });
    }
  }

  if (attract) {
    if (location.hash === "#explore") {
      explore();
    } else {
      if (browse) browse.inert = true;
      if (slides.length > 1) slideTimer = setInterval(nextSlide, seconds(config.attractSeconds));
    }
    // A touch anywhere on the attract loop starts exploring.
    attract.addEventListener("click", (event) => {
      event.preventDefault();
      explore();
    });
    window.addEventListener("hashchange", () => {
      if (location.hash === "#explore" && attracting()) explore();
    });
  }

  // ---- Offline copy (service worker) ------------------------------------------
  const workers = navigator.serviceWorker;

  function askWorker(type, timeout) {
    const worker = workers && workers.controller;
    if (!worker) return Promise.resolve(null);
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      const timer = setTimeout(() => resolve(null), timeout);
      channel.port1.onmessage = (event) => {
        clearTimeout(timer);
        resolve(event.data);
      };
      worker.postMessage({ type }, [channel.port2]);
    });
  }

  function noteCopy(status) {
    if (!status) return;
    root.dataset.offline = status.ready ? "ready" : "pending";
    if (status.version) root.dataset.offlineVersion = status.version;
  }

  async function keepCopy() {
    const status = await askWorker("status", seconds(10));
    noteCopy(status);
    if (status && !status.ready) noteCopy(await askWorker("refresh", seconds(600)));
  }

  if (workers) {
    workers.register(config.serviceWorker, { scope: config.home }).catch(() => {});
    workers.addEventListener("controllerchange", keepCopy);
    workers.addEventListener("message", (event) => noteCopy(event.data));
    if (workers.controller) keepCopy();
  }

  // ---- Opens: counted here, kept in this kiosk's storage until reported ---------
  // The tally holds opens not yet in a batch; a batch is resent unchanged with
  // each heartbeat until one carrying it is accepted (the server counts a batch
  // id once), and opens made meanwhile wait in the tally for the next batch.
  const tallyName = `kiosk-opens:${home.pathname}`;
  const batchName = `kiosk-opens-batch:${home.pathname}`;
  const MAX_COUNTS = 200;

  function stored(name, fallback) {
    try { return JSON.parse(localStorage.getItem(name)) || fallback; } catch (error) { return fallback; }
  }
  function store(name, value) {
    try {
      if (value === null) localStorage.removeItem(name);
      else localStorage.setItem(name, JSON.stringify(value));
    } catch (error) { /* storage off: the opens are lost, the screen goes on */ }
  }
  function localDay() {
    const now = new Date();
    const two = (n) => String(n).padStart(2, "0");
    return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
  }

  if (Array.isArray(config.opened)) {
    const tally = stored(tallyName, {});
    const key = [localDay(), ...config.opened].join("|");
    tally[key] = (tally[key] || 0) + 1;
    store(tallyName, tally);
  }

  function batchToSend() {
    const waiting = stored(batchName, null);
    if (waiting) return waiting;
    const tally = stored(tallyName, {});
    const keys = Object.keys(tally).slice(0, MAX_COUNTS);
    if (!keys.length) return null;
    const counts = keys.map((key) => {
      const [day, kind, id] = key.split("|");
      return [day, kind, Number(id), tally[key]];
    });
    const random = crypto.getRandomValues(new Uint8Array(16));
    const batch = { batch: Array.from(random, (b) => b.toString(16).padStart(2, "0")).join(""), counts };
    // Moved, not copied: from now on these opens live only in the batch.
    keys.forEach((key) => delete tally[key]);
    store(batchName, batch);
    store(tallyName, tally);
    return batch;
  }

  function batchDone(batch) {
    const waiting = stored(batchName, null);
    if (waiting && waiting.batch === batch.batch) store(batchName, null);
  }

  // A clip's first play on this page: an empty beacon, nothing about the visitor.
  document.querySelectorAll("[data-play-count]").forEach((player) => {
    player.addEventListener("play", () => {
      if (navigator.sendBeacon) navigator.sendBeacon(player.dataset.playCount);
    }, { once: true });
  });

  // ---- Version and heartbeat: every minute, quietly ---------------------------
  let updatePending = false;
  let retired = false;
  const started = Number(sessionStorage.getItem("kiosk-started")) || Date.now();
  sessionStorage.setItem("kiosk-started", String(started));

  async function checkVersion() {
    try {
      const response = await fetch(config.versionUrl, { cache: "no-store" });
      if (response.status === 404) {
        // Curators took this kiosk off the air: drop the offline copy at the next reset.
        retired = true;
        updatePending = true;
        root.dataset.update = "retired";
        return;
      }
      const data = await response.json();
      if (response.ok && data.version && data.version !== config.version) {
        updatePending = true;
        root.dataset.update = "pending";
      }
    } catch (error) {
      // The server is away: keep showing what we have and ask again next time.
    }
  }

  function sendHeartbeat() {
    sessionStorage.setItem("kiosk-heartbeat", String(Date.now()));
    // Without its key a screen cannot speak for the kiosk: the server would refuse.
    const key = deviceKey();
    if (!key) return;
    const uptime = Math.max(0, Math.round((Date.now() - started) / 1000));
    const body = { version: config.version, uptime };
    const opens = batchToSend();
    if (opens) body.opens = opens;
    fetch(config.heartbeatUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json", [config.keyHeader]: key },
      body: JSON.stringify(body),
      cache: "no-store",
      keepalive: true,
    }).then((response) => {
      // Counted, or refused as malformed (it never would be): done with it. A
      // refused key (403), too soon (429) or a server error keeps it for later.
      if (opens && (response.ok || response.status === 400 || response.status === 413)) batchDone(opens);
    }).catch(() => { /* offline: the batch waits for the next heartbeat */ });
  }

  function everyMinute() {
    sendHeartbeat();
    checkVersion();
    if (root.dataset.offline !== "ready") keepCopy();
  }

  setInterval(everyMinute, seconds(config.heartbeatSeconds));
  // Back from offline: report what was kept without waiting for the minute.
  window.addEventListener("online", sendHeartbeat);
  const lastBeat = Number(sessionStorage.getItem("kiosk-heartbeat")) || 0;
  if (Date.now() - lastBeat >= seconds(config.heartbeatSeconds)) everyMinute();

  // ---- Idle: count down, then back to the attract loop in the default language --
  const idle = document.querySelector("[data-idle]");
  const idleCount = document.querySelector("[data-idle-count]");
  let idleTimer = null;
  let countdown = null;
  let resetting = false;

  async function reset() {
    if (resetting) return;
    resetting = true;
    root.dataset.state = "resetting";
    const registration = workers ? await workers.getRegistration(config.home) : null;
    if (retired && registration) {
      await registration.unregister();
      const prefix = `kiosk:${home.pathname}:`;
      for (const name of await caches.keys()) if (name.startsWith(prefix)) await caches.delete(name);
    } else if (updatePending && workers && workers.controller) {
      if (registration) registration.update().catch(() => {});
      await askWorker("refresh", seconds(600));
    }
    location.replace(config.home);
  }

  function stopCountdown() {
    clearInterval(countdown);
    countdown = null;
    idle.hidden = true;
    root.classList.remove("is-idle");
  }

  function startCountdown() {
    let left = config.countdownSeconds;
    idleCount.textContent = String(left);
    idle.hidden = false;
    root.classList.add("is-idle");
    idle.querySelector("button").focus({ preventScroll: true });
    countdown = setInterval(() => {
      left -= 1;
      idleCount.textContent = String(Math.max(left, 0));
      if (left <= 0) {
        clearInterval(countdown);
        reset();
      }
    }, seconds(1));
  }

  function armIdle() {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(onIdle, seconds(config.idleSeconds));
  }

  // A visitor listening to a stop or watching a clip is here, touch or not.
  const playing = () =>
    Array.from(document.querySelectorAll("audio, video")).some((media) => !media.paused && !media.ended);

  function onIdle() {
    if (playing()) {
      armIdle();
      return;
    }
    const atRest = attracting() && config.page === "home" && config.language === config.defaultLanguage;
    // Nobody is here: apply a waiting update, otherwise just keep looping.
    if (atRest) {
      if (updatePending) reset();
      else armIdle();
      return;
    }
    startCountdown();
  }

  function activity() {
    if (resetting) return;
    if (countdown) stopCountdown();
    armIdle();
  }

  ["pointerdown", "keydown", "wheel", "touchstart"].forEach((type) =>
    document.addEventListener(type, activity, { capture: true, passive: true })
  );
  // The end of a recording counts as a touch: the countdown starts from then.
  document.addEventListener("ended", activity, { capture: true });
  if (idle) {
    idle.querySelector("button").addEventListener("click", stopCountdown);
    armIdle();
  }

  // ---- Swipe between items (item pages) ---------------------------------------
  const swipeArea = document.querySelector("[data-swipe]");
  if (swipeArea) {
    let start = null;
    swipeArea.addEventListener("pointerdown", (event) => {
      start = event.isPrimary ? { x: event.clientX, y: event.clientY } : null;
    });
    swipeArea.addEventListener("pointercancel", () => { start = null; });
    swipeArea.addEventListener("pointerup", (event) => {
      if (!start) return;
      const dx = event.clientX - start.x;
      const dy = event.clientY - start.y;
      start = null;
      if (Math.abs(dx) < 90 || Math.abs(dx) < 1.5 * Math.abs(dy)) return;
      const link = document.querySelector(dx < 0 ? "[data-next]" : "[data-previous]");
      if (!link) return;
      root.classList.add(dx < 0 ? "is-leaving-left" : "is-leaving-right");
      location.assign(link.href);
    });
  }

  // ---- Pictures: choose a view, open it full screen, pinch to zoom --------------
  const stageImage = document.querySelector("[data-stage-image]");
  const stageCaption = document.querySelector("[data-stage-caption]");
  document.querySelectorAll("[data-thumb]").forEach((button, _, all) => {
    button.addEventListener("click", () => {
      stageImage.src = button.dataset.full;
      stageImage.alt = button.dataset.alt;
      if (stageCaption) stageCaption.textContent = button.dataset.caption;
      all.forEach((other) => other.setAttribute("aria-pressed", String(other === button)));
    });
  });

  const viewer = document.querySelector("[data-viewer]");
  const opener = document.querySelector("[data-viewer-open]");
  if (viewer && opener && typeof viewer.showModal === "function") {
    const surface = viewer.querySelector("[data-viewer-surface]");
    // Made here, not in the page: an <img> with no src yet is not valid HTML.
    const picture = document.createElement("img");
    picture.className = "viewer__image";
    const pointers = new Map();
    let scale = 1;
    let x = 0;
    let y = 0;
    let pinch = null;
    let lastTap = 0;

    const apply = () => { picture.style.transform = `translate(${x}px, ${y}px) scale(${scale})`; };
    const zoomTo = (next) => {
      scale = Math.min(6, Math.max(1, next));
      if (scale === 1) { x = 0; y = 0; }
      apply();
    };

    opener.addEventListener("click", () => {
      picture.src = stageImage.src;
      picture.alt = stageImage.alt;
      if (!picture.isConnected) surface.append(picture);
      scale = 1; x = 0; y = 0;
      apply();
      viewer.showModal();
    });
    viewer.querySelector("[data-viewer-close]").addEventListener("click", () => viewer.close());

    surface.addEventListener("pointerdown", (event) => {
      surface.setPointerCapture(event.pointerId);
      pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
      if (pointers.size === 2) {
        const [a, b] = [...pointers.values()];
        pinch = { distance: Math.hypot(a.x - b.x, a.y - b.y) || 1, scale };
      } else if (event.timeStamp - lastTap < 300) {
        zoomTo(scale > 1 ? 1 : 2.5);
        lastTap = 0;
      } else {
        lastTap = event.timeStamp;
      }
    });
    surface.addEventListener("pointermove", (event) => {
      const before = pointers.get(event.pointerId);
      if (!before) return;
      pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
      if (pointers.size === 2 && pinch) {
        const [a, b] = [...pointers.values()];
        zoomTo((pinch.scale * Math.hypot(a.x - b.x, a.y - b.y)) / pinch.distance);
      } else if (pointers.size === 1 && scale > 1) {
        x += event.clientX - before.x;
        y += event.clientY - before.y;
        apply();
      }
    });
    const release = (event) => {
      pointers.delete(event.pointerId);
      if (pointers.size < 2) pinch = null;
    };
    surface.addEventListener("pointerup", release);
    surface.addEventListener("pointercancel", release);
  }
})();
