// Progressive enhancement for comment forms; everything works without it.
// - "Add a comment" loads the form in place instead of opening its own page
//   (the form creates a CAPTCHA challenge, so pages don't include it up front).
// - The CAPTCHA image can be swapped for a new one without reloading.
(function () {
  "use strict";

  function showRefreshButtons(root) {
    root.querySelectorAll("[data-captcha-refresh]").forEach(function (button) {
      button.hidden = false;
    });
  }

  async function loadForm(link) {
    const response = await fetch(link.dataset.commentForm, { credentials: "same-origin" });
    if (!response.ok) {
      window.location.href = link.href;
      return;
    }
    const holder = link.parentElement;
    holder.innerHTML = await response.text();
    showRefreshButtons(holder);
    const first = holder.querySelector("input:not([type=hidden]):not([tabindex='-1']), textarea");
    if (first) first.focus();
  }

  async function refreshCaptcha(button) {
    const response = await fetch(button.dataset.captchaRefresh, {
      headers: { "X-Requested-With": "XMLHttpRequest" },
      credentials: "same-origin",
    });
    if (!response.ok) return;
    const data = await response.json();
    const form = button.closest("form");
    const image = form.querySelector("img.captcha");
    image.src = data.image_url;
    image.srcset = data.image_url.replace(/\/$/, "@2/") + " 2x";
    form.querySelector("input[name$='captcha_0']").value = data.key;
    const audio = form.querySelector("a.captcha-audio");
    if (audio && data.audio_url) audio.href = data.audio_url;
    const answer = form.querySelector("input[name$='captcha_1']");
    answer.value = "";
    answer.focus();
  }

  document.addEventListener("click", function (event) {
    const opener = event.target.closest("[data-comment-form]");
    if (opener) {
      event.preventDefault();
      loadForm(opener);
      return;
    }
    const refresh = event.target.closest("[data-captcha-refresh]");
    if (refresh) {
      event.preventDefault();
      refreshCaptcha(refresh);
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    showRefreshButtons(document);
    const errors = document.getElementById("form-errors");
    if (errors) errors.focus();
  });
})();
