// Tell the server this change form is open, and show who else has it open.
(function () {
  "use strict";
  const box = document.querySelector(".editing-now[data-editing-url]");
  if (!box) return;
  const url = box.dataset.editingUrl;
  const every = Number(box.dataset.pingMs) || 20000;
  async function ping() {
    try {
      const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
      if (response.ok) box.innerHTML = (await response.json()).html;
    } catch (error) {
      // Offline for a moment: try again at the next ping.
    }
  }
  setInterval(ping, every);
})();
