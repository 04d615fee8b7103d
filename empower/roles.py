"""Staff roles are Django groups; each app says which of its permissions each role gets."""

# The groups' names, shared by every app that gives a role permissions or asks
# whether someone holds it.
EDITORS = "Editors"
NURSE_REVIEWERS = "Nurse reviewers"
MODERATORS = "Moderators"


def apply_roles(apps, role_permissions: dict[str, list[str]], *, exact: bool) -> None:
    """Create the groups and give each its listed permissions.

    With exact=True a group ends with exactly these permissions; otherwise they
    are added to what it has (for an app adding its own permissions to a role
    another app created).
    """
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after migrations finish; a data
    # migration that assigns them must create them first.
    for app_config in apps.get_app_configs():
        # A migration's app configs have no models module, which create_permissions
        # needs to see; the site's own (when tests replay this) keep theirs.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = models_module

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
        if exact:
            group.permissions.set(permissions)
        else:
            group.permissions.add(*permissions)
