"""How staff appear when they reply or answer: name, role badge and credentials."""

from dataclasses import dataclass

from articles.models import StaffProfile
from empower.roles import EDITORS


@dataclass
class StaffIdentity:
    name: str
    badge: str  # "Nurse reviewer, RN", "Editor" or "Moderator"
    credentials: str  # "RN", or "" for staff without clinical credentials

    @property
    def is_nurse(self) -> bool:
        return bool(self.credentials)


def staff_identity(user) -> StaffIdentity:
    profile = StaffProfile.objects.filter(user=user).first()
    if profile and profile.credentials:
        return StaffIdentity(
            profile.display_name, f"Nurse reviewer, {profile.credentials}", profile.credentials
        )
    name = user.get_full_name() or user.get_username()
    if user.groups.filter(name=EDITORS).exists():
        return StaffIdentity(name, "Editor", "")
    return StaffIdentity(name, "Moderator", "")
