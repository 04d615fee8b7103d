"""What each staff role may do with the media library."""

from empower.roles import EDITORS, NURSE_REVIEWERS

ROLE_PERMISSIONS = {
    # Editors upload and describe images; removing one is an administrator's call,
    # since pages may show it.
    EDITORS: ["images.view_image", "images.add_image", "images.change_image"],
    # Nurse reviewers see what an article will show, alt text included.
    NURSE_REVIEWERS: ["images.view_image"],
}
