// Public gallery behaviour: the image zoom viewer, the players' play count.
// Everything works without it.
"use strict";

// A clip's first play on this page counts one play of its record: an empty beacon,
// no cookie, nothing about the visitor.
document.querySelectorAll("[data-play-count]").forEach((player) => {
  player.addEventListener("play", () => {
    if (navigator.sendBeacon) navigator.sendBeacon(player.dataset.playCount);
  }, { once: true });
});

// On a phone the filters start folded, so the results come first.
(() => {
  const panel = document.querySelector(".facets-panel");
  if (panel && window.matchMedia("(max-width: 899px)").matches) panel.open = false;
})();

// Ticking a filter applies it at once (the Apply button stays for the years and for
// browsers without scripts). The page reloads, so the focus goes back to the box
// ticked and a keyboard user carries on where they were.
(() => {
  const form = document.querySelector("form.facets");
  if (!form) return;
  const key = "facets-focus";
  const boxes = () => [...form.querySelectorAll("input[type=checkbox]")];
  let wanted = null;
  try {
    wanted = sessionStorage.getItem(key);
    sessionStorage.removeItem(key);
  } catch (error) { /* storage off: nothing to restore */ }
  const ticked = wanted && boxes().find((box) => `${box.name}=${box.value}` === wanted);
  if (ticked) {
    const panel = form.closest("details");
    if (panel) panel.open = true;
    ticked.focus();
  }
  form.addEventListener("change", (event) => {
    const box = event.target;
    if (box.type !== "checkbox") return;
    try {
      sessionStorage.setItem(key, `${box.name}=${box.value}`);
    } catch (error) { /* storage off: the focus starts at the top */ }
    if (form.requestSubmit) form.requestSubmit();
    else form.submit();
  });
})();

(() => {
  const dialog = document.querySelector(".zoom-dialog");
  if (!dialog || typeof dialog.showModal !== "function") return;
  const stage = dialog.querySelector(".zoom-dialog__stage");
  // Made here, not in the page: an <img> with no src yet is not valid HTML.
  const img = document.createElement("img");
  let scale = 1, x = 0, y = 0, opener = null;
  const pointers = new Map();
  let pinchStart = null;

  const apply = () => { img.style.transform = `translate(${x}px, ${y}px) scale(${scale})`; };
  const zoomTo = (next) => { scale = Math.min(8, Math.max(1, next)); if (scale === 1) { x = 0; y = 0; } apply(); };
  const reset = () => { scale = 1; x = 0; y = 0; apply(); };

  document.querySelectorAll(".zoomable__open").forEach((button) => {
    button.addEventListener("click", () => {
      opener = button;
      img.src = button.dataset.zoomSrc;
      img.alt = button.dataset.zoomAlt || "";
      if (!img.isConnected) stage.append(img);
      reset();
      dialog.showModal();
      stage.focus();
    });
  });
  dialog.addEventListener("close", () => { if (opener) opener.focus(); });

  dialog.querySelectorAll("[data-zoom]").forEach((button) => {
    button.addEventListener("click", () => {
      const action = button.dataset.zoom;
      if (action === "in") zoomTo(scale * 1.5);
      else if (action === "out") zoomTo(scale / 1.5);
      else if (action === "reset") reset();
      else dialog.close();
    });
  });

  stage.addEventListener("keydown", (event) => {
    const step = 40;
    const keys = {
      "+": () => zoomTo(scale * 1.25), "=": () => zoomTo(scale * 1.25),
      "-": () => zoomTo(scale / 1.25), "0": reset,
      ArrowLeft: () => { x += step; apply(); }, ArrowRight: () => { x -= step; apply(); },
      ArrowUp: () => { y += step; apply(); }, ArrowDown: () => { y -= step; apply(); },
    };
    if (keys[event.key]) { event.preventDefault(); keys[event.key](); }
  });

  stage.addEventListener("wheel", (event) => {
    event.preventDefault();
    zoomTo(scale * (event.deltaY < 0 ? 1.15 : 1 / 1.15));
  }, { passive: false });

  stage.addEventListener("pointerdown", (event) => {
    stage.setPointerCapture(event.pointerId);
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      pinchStart = { distance: Math.hypot(a.x - b.x, a.y - b.y), scale };
    }
  });
  stage.addEventListener("pointermove", (event) => {
    const previous = pointers.get(event.pointerId);
    if (!previous) return;
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pointers.size === 2 && pinchStart) {
      const [a, b] = [...pointers.values()];
      zoomTo(pinchStart.scale * Math.hypot(a.x - b.x, a.y - b.y) / pinchStart.distance);
    } else if (pointers.size === 1 && scale > 1) {
      x += event.clientX - previous.x;
      y += event.clientY - previous.y;
      apply();
    }
  });
  const release = (event) => {
    pointers.delete(event.pointerId);
    if (pointers.size < 2) pinchStart = null;
  };
  stage.addEventListener("pointerup", release);
  stage.addEventListener("pointercancel", release);
})();
