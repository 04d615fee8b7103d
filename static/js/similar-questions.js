// "Has someone asked this already?" while a reader types a question's title;
// without it, the form shows the same questions on its first send.
// The server answers with a small HTML fragment (escaped by its template), or
// nothing when no approved question matches; it is announced politely, and
// focus stays where the reader is typing.
(function () {
  "use strict";

  const WAIT_MS = 300;

  function enhance(input) {
    const region = document.createElement("div");
    region.className = "similar-questions-live mt-2";
    region.setAttribute("aria-live", "polite");
    const field = input.closest(".mb-3") || input.parentElement;
    field.appendChild(region);
    let timer = null;
    let asked = "";
    let latest = null;

    async function lookUp() {
      const text = input.value.trim();
      if (text === asked) return;
      asked = text;
      if (text.length < 4) {
        region.replaceChildren();
        return;
      }
      const controller = new AbortController();
      if (latest) latest.abort();
      latest = controller;
      try {
        const url = input.dataset.similarQuestions + "?q=" + encodeURIComponent(text);
        const response = await fetch(url, { signal: controller.signal, credentials: "same-origin" });
        if (!response.ok) return;
        region.innerHTML = await response.text();
      } catch (error) {
        if (error.name !== "AbortError") throw error;
      }
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(lookUp, WAIT_MS);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-similar-questions]").forEach(enhance);
  });
})();
