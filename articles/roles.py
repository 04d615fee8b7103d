"""The staff roles and exactly what each may do in the admin.

Groups are created and kept in step by data migrations that call
sync_roles() with the lists as they stood at that migration. Change a list
here, then add a migration that passes the new lists; a test checks that the
groups in the database match these.
"""

EDITORS = "Editors"
NURSE_REVIEWERS = "Nurse reviewers"

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
        "articles.view_reviewerprofile",
        "articles.view_articleevent",
        "articles.view_page",
        "articles.change_page",
    ],
    NURSE_REVIEWERS: [
        "articles.view_condition",
        "articles.view_article",
        "articles.view_revision",
        "articles.review_revision",
        "articles.view_reference",
        "articles.view_review",
        "articles.view_reviewerprofile",
        "articles.view_articleevent",
        "articles.view_page",
    ],
}


def sync_roles(apps, role_permissions: dict[str, list[str]]):
    """Create the groups and give each exactly its listed permissions."""
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after migrations finish; a data
    # migration that assigns them must create them first.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, names in role_permissions.items():
        group, _created = Group.objects.get_or_create(name=role)
        permissions = []
        for name in names:
            app_label, codename = name.split(".")
            permissions.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        group.permissions.set(permissions)
