from django.db import migrations

from empower.roles import apply_roles

MODERATION = [
    "comments.view_comment",
    "comments.moderate_comment",
    "comments.view_blockedphrase",
    "comments.add_blockedphrase",
    "comments.change_blockedphrase",
    "comments.delete_blockedphrase",
    "comments.view_refusal",
]

# The roles as they stood at this migration; added to what articles gave them.
ROLE_PERMISSIONS = {
    "Moderators": MODERATION,
    "Editors": [*MODERATION, "comments.add_comment"],
    "Nurse reviewers": ["comments.view_comment", "comments.add_comment"],
}


def grant_roles(apps, schema_editor):
    apply_roles(apps, ROLE_PERMISSIONS, exact=False)


class Migration(migrations.Migration):
    dependencies = [("comments", "0001_initial"), ("articles", "0003_roles")]

    operations = [migrations.RunPython(grant_roles, migrations.RunPython.noop)]
