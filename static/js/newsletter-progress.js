// Live progress of a newsletter being sent, on its admin page.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    const box = document.querySelector("[data-progress-url]");
    if (!box || (box.dataset.status !== "sending" && box.dataset.status !== "paused")) return;
    const bar = box.querySelector("progress");
    async function refresh() {
      const response = await fetch(box.dataset.progressUrl, { credentials: "same-origin" });
      if (!response.ok) return;
      const figures = await response.json();
      for (const name of ["sent", "failed", "skipped", "remaining", "total"]) {
        box.querySelector(`[data-field="${name}"]`).textContent = figures[name];
      }
      bar.max = figures.total;
      bar.value = figures.sent;
      if (figures.status === "sending" || figures.status === "paused") {
        setTimeout(refresh, 2000);
      }
    }
    setTimeout(refresh, 2000);
  });
})();
