// Names for two controls Django's admin scripts draw without one.
"use strict";

function nameUnnamedControls() {
  // Select2 (autocomplete fields) draws a combobox named only by its current choice,
  // so an empty one has no name: name it by the field's label, then the choice.
  document.querySelectorAll("select.admin-autocomplete").forEach((select) => {
    const label = document.querySelector(`label[for="${select.id}"]`);
    const box = select.nextElementSibling?.querySelector(".select2-selection[role=combobox]");
    if (!label || !box) return;
    label.id ||= `${select.id}_label`;
    const names = box.getAttribute("aria-labelledby") || "";
    if (!names.includes(label.id)) box.setAttribute("aria-labelledby", `${label.id} ${names}`.trim());
    box.querySelector("[role=textbox]")?.setAttribute("aria-labelledby", label.id);
  });
  // The filter boxes of a two-list selector show a magnifier with an aria-label,
  // which a plain <span> may not carry: it is an image.
  document.querySelectorAll(".search-label-icon[aria-label]").forEach((icon) => {
    icon.setAttribute("role", "img");
  });
}

// After Django's own scripts, which build these when jQuery finds the page ready:
// ready handlers run in the order they were added, and this file runs after theirs.
if (window.django?.jQuery) window.django.jQuery(nameUnnamedControls);
window.addEventListener("load", nameUnnamedControls);
document.addEventListener("formset:added", nameUnnamedControls);
