// Show a preview of an image as soon as a curator picks the file, before saving.
"use strict";
document.addEventListener("change", (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || input.type !== "file") return;
  const file = input.files && input.files[0];
  let preview = input.parentElement.querySelector("img.curator-preview-live");
  if (!file || !file.type.startsWith("image/")) {
    if (preview) preview.remove();
    return;
  }
  if (!preview) {
    preview = document.createElement("img");
    preview.className = "curator-preview-live";
    preview.alt = "";
    input.insertAdjacentElement("afterend", preview);
  }
  preview.src = URL.createObjectURL(file);
  preview.onload = () => URL.revokeObjectURL(preview.src);
});
