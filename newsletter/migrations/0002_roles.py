from django.db import migrations

from empower.roles import apply_roles

# The roles as they stood at this migration; added to what other apps gave them.
ROLE_PERMISSIONS = {
    "Editors": [
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


def grant_roles(apps, schema_editor):
    apply_roles(apps, ROLE_PERMISSIONS, exact=False)


class Migration(migrations.Migration):
    dependencies = [("newsletter", "0001_initial"), ("community", "0002_roles")]

    operations = [migrations.RunPython(grant_roles, migrations.RunPython.noop)]
