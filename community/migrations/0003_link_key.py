from django.db import migrations, models

import empower.links


def give_each_its_own_key(apps, schema_editor):
    # AddField gives every existing row the same default; links need one each.
    model = apps.get_model("community", "question")
    for row in model.objects.only("pk").iterator():
        model.objects.filter(pk=row.pk).update(link_key=empower.links.new_link_key())


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0002_roles"),
    ]

    operations = [
        migrations.AddField(
            model_name="question",
            name="link_key",
            field=models.CharField(
                default=empower.links.new_link_key, editable=False, max_length=24
            ),
        ),
        migrations.RunPython(give_each_its_own_key, migrations.RunPython.noop),
    ]
