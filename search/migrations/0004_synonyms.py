from django.db import migrations

from empower.roles import apply_roles

# Words readers type for what our texts call something else; editors add more.
SYNONYMS = {
    "botox": "botulinum toxin",
    "bells palsy": "Bell's palsy",
    "heart attack": "myocardial infarction",
    "tic douloureux": "trigeminal neuralgia",
    "face twitching": "hemifacial spasm",
    "eyelid twitching": "blepharospasm",
    "wry neck": "cervical dystonia",
    "shaking hands": "essential tremor",
}
ROLE_PERMISSIONS = {
    "Editors": [
        "search.view_synonym",
        "search.add_synonym",
        "search.change_synonym",
        "search.delete_synonym",
    ],
}


def add_synonyms(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for term, means in SYNONYMS.items():
        Synonym.objects.get_or_create(term=term, defaults={"means": means})
    apply_roles(apps, ROLE_PERMISSIONS, exact=False)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_synonyms_and_sqlite_fts")]

    operations = [migrations.RunPython(add_synonyms, migrations.RunPython.noop)]
