"""What each staff role may do with the newsletter."""

from empower.roles import EDITORS

ROLE_PERMISSIONS = {
    EDITORS: [
        "newsletter.view_issue",
        "newsletter.add_issue",
        "newsletter.change_issue",
        "newsletter.send_issue",
        "newsletter.view_subscriber",
        "newsletter.view_consentrecord",
        "newsletter.view_bounce",
        "newsletter.view_delivery",
    ],
}
