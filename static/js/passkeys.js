// After a passkey is saved, go on to the page the server named (data-next).
document.addEventListener("otp_webauthn.register_complete", (event) => {
  const next = event.target.closest("[data-next]")?.dataset.next;
  if (next) window.location.assign(next);
});
