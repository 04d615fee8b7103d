from django.db import migrations

from empower.roles import apply_roles

CRISIS_TERMS = [
    "comments.view_crisisterm",
    "comments.add_crisisterm",
    "comments.change_crisisterm",
    "comments.delete_crisisterm",
]


def grant(apps, schema_editor):
    apply_roles(apps, {"Moderators": CRISIS_TERMS, "Editors": CRISIS_TERMS}, exact=False)


class Migration(migrations.Migration):
    dependencies = [("comments", "0004_crisis_terms"), ("comments", "0002_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
