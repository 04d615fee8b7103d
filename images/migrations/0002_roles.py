from django.db import migrations

from empower.roles import apply_roles

# The roles as they stood at this migration; added to what the other apps gave them.
ROLE_PERMISSIONS = {
    "Editors": ["images.view_image", "images.add_image", "images.change_image"],
    "Nurse reviewers": ["images.view_image"],
}


def grant_roles(apps, schema_editor):
    apply_roles(apps, ROLE_PERMISSIONS, exact=False)


class Migration(migrations.Migration):
    dependencies = [("images", "0001_initial"), ("articles", "0003_roles")]

    operations = [migrations.RunPython(grant_roles, migrations.RunPython.noop)]
