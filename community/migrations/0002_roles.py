from django.db import migrations

from empower.roles import apply_roles

MODERATION = [
    "community.view_question",
    "community.moderate_question",
    "community.view_answer",
    "community.moderate_answer",
]

# The roles as they stood at this migration; added to what other apps gave them.
ROLE_PERMISSIONS = {
    "Moderators": MODERATION,
    "Editors": [*MODERATION, "community.add_answer"],
    "Nurse reviewers": ["community.view_question", "community.view_answer", "community.add_answer"],
}


def grant_roles(apps, schema_editor):
    apply_roles(apps, ROLE_PERMISSIONS, exact=False)


class Migration(migrations.Migration):
    dependencies = [("community", "0001_initial"), ("comments", "0005_crisis_term_roles")]

    operations = [migrations.RunPython(grant_roles, migrations.RunPython.noop)]
