"""Staff passwords may not be built from the site's own words."""

from django.conf import settings
from django.core.exceptions import ValidationError


class SiteWordsValidator:
    """Refuses passwords containing the site's name or words anyone would guess
    for a health site's staff ("empower", "nurse"), in any case."""

    def words(self) -> list[str]:
        return [settings.SITE_NAME.lower(), *settings.STAFF_PASSWORD_FORBIDDEN_WORDS]

    def validate(self, password, user=None):
        lowered = password.lower()
        found = [word for word in self.words() if word and word in lowered]
        if found:
            raise ValidationError(
                "Your password can’t contain “%(word)s”: it is one of the first words "
                "anyone would try here.",
                code="password_site_word",
                params={"word": found[0]},
            )

    def get_help_text(self):
        return "Your password can’t contain the site’s name or words like “nurse”."
