// Names for the admin's unlabelled controls, so screen readers can tell them apart.
// Django's tabular inlines label their cells only by the column header, its
// split date/time widget labels one half, and select2 adds an unlabelled search
// box; each control here takes the name a sighted person reads beside it.
(function () {
  "use strict";
  function named(control) {
    if (control.getAttribute("aria-label") || control.getAttribute("aria-labelledby")) return true;
    if (control.id && document.querySelector(`label[for="${CSS.escape(control.id)}"]`)) return true;
    return Boolean(control.closest("label"));
  }
  function columnHeader(control) {
    const cell = control.closest("td");
    const table = cell && cell.closest("table");
    if (!table) return "";
    const header = table.querySelectorAll("thead th")[cell.cellIndex];
    return header ? header.textContent.trim() : "";
  }
  function rowLabel(control) {
    const row = control.closest(".form-row, .fieldBox");
    const label = row && row.querySelector("label");
    return label ? label.textContent.replace(/:\s*$/, "").trim() : "";
  }
  function nameAll(root) {
    root.querySelectorAll("input:not([type=hidden]), select, textarea").forEach((control) => {
      if (named(control)) return;
      const name = columnHeader(control) || rowLabel(control) || control.getAttribute("placeholder") || control.name;
      const part = control.classList.contains("vTimeField") ? " (time)" : control.classList.contains("vDateField") ? " (date)" : "";
      if (name) control.setAttribute("aria-label", name + part);
    });
    // select2 puts its "clear" button straight into a list: give it a list item.
    root.querySelectorAll("ul.select2-selection__rendered > span").forEach((button) => {
      const item = document.createElement("li");
      item.className = "select2-a11y-item";
      button.replaceWith(item);
      item.appendChild(button);
    });
    root.querySelectorAll("th.original:empty, th:empty").forEach((header) => {
      const hidden = document.createElement("span");
      hidden.className = "visually-hidden";
      hidden.textContent = header.classList.contains("original") ? "#" : "—";
      header.appendChild(hidden);
    });
  }
  document.addEventListener("DOMContentLoaded", () => nameAll(document));
  // select2 and "Add another" create controls later.
  let pending = false;
  new MutationObserver(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      nameAll(document);
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
