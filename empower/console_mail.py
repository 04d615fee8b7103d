"""The development console shows each email as a person reads it: its headers, then
its text decoded (a link is whole and can be clicked or copied), not the raw
quoted-printable MIME that splits long lines with "=" (EMAIL_URL=console:)."""

from django.core.mail.backends import console

HEADERS = ("From", "To", "Cc", "Reply-To", "Subject", "Date", "List-Unsubscribe")


class EmailBackend(console.EmailBackend):
    def write_message(self, message):
        mime = message.message()
        lines = [f"{name}: {mime[name]}" for name in HEADERS if mime[name]]
        for part in mime.walk():
            if part.is_multipart():
                continue
            payload = part.get_payload(decode=True) or b""
            if part.get_content_type() == "text/plain":
                lines += ["", payload.decode(part.get_content_charset() or "utf-8", "replace")]
            else:
                lines.append(f"[{part.get_content_type()} part, {len(payload)} bytes]")
        self.stream.write("\n".join(lines).rstrip() + "\n" + "-" * 79 + "\n")
