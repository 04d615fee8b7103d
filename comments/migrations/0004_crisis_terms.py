"""A starting list of crisis words; moderators extend it in the admin."""

from django.db import migrations

TERMS = [
    "suicide",
    "suicidal",
    "kill myself",
    "killing myself",
    "end my life",
    "ending my life",
    "want to die",
    "better off dead",
    "self-harm",
    "self harm",
    "hurt myself",
    "hurting myself",
    "cut myself",
    "cutting myself",
    "overdose",
    "no reason to live",
]


def add_terms(apps, schema_editor):
    CrisisTerm = apps.get_model("comments", "CrisisTerm")
    for phrase in TERMS:
        CrisisTerm.objects.get_or_create(phrase=phrase)


class Migration(migrations.Migration):
    dependencies = [("comments", "0003_urgent_and_crisis_terms")]

    operations = [migrations.RunPython(add_terms, migrations.RunPython.noop)]
