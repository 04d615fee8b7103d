"""What each staff role may do with the site search."""

from empower.roles import EDITORS

ROLE_PERMISSIONS = {
    # Editors keep the list of words readers type for what our texts call something else.
    EDITORS: [
        "search.view_synonym",
        "search.add_synonym",
        "search.change_synonym",
        "search.delete_synonym",
    ],
}
