"""The staff roles and exactly what each may do in the admin.

Each app lists what its roles may do; data migrations apply those lists
(empower.roles.apply_roles) as they stood at that migration. Change a list
here, then add a migration that applies the change; a test checks that the
groups in the database match every app's lists together.
"""

from empower.roles import EDITORS, NURSE_REVIEWERS

ROLE_PERMISSIONS = {
    EDITORS: [
        "articles.view_condition",
        "articles.add_condition",
        "articles.change_condition",
        "articles.view_article",
        "articles.add_article",
        "articles.change_article",
        "articles.view_revision",
        "articles.add_revision",
        "articles.change_revision",
        "articles.submit_revision",
        "articles.publish_revision",
        "articles.view_reference",
        "articles.add_reference",
        "articles.change_reference",
        "articles.delete_reference",
        "articles.view_review",
        "articles.view_staffprofile",
        "articles.view_articleevent",
        "articles.view_page",
        "articles.change_page",
        "articles.view_oldslug",
        "articles.delete_oldslug",
    ],
    NURSE_REVIEWERS: [
        "articles.view_condition",
        "articles.view_article",
        "articles.view_revision",
        "articles.review_revision",
        "articles.view_reference",
        "articles.view_review",
        "articles.view_staffprofile",
        "articles.view_articleevent",
        "articles.view_page",
    ],
}
