from django.db import migrations

from empower.markup import render_markdown

OLD = "The top of each article says who reviewed it and when, and who edited it."
NEW = (
    "The top of each article says who reviewed it and when, and who edited it; each name "
    "leads to that person's profile. Meet [our medical reviewers](/medical-reviewers/)."
)


def link_reviewers(apps, schema_editor):
    """Only where the sentence is still ours: an editor's rewording is left alone."""
    Page = apps.get_model("articles", "Page")
    page = Page.objects.filter(slug="editorial-policy").first()
    if page is not None and OLD in page.body and "/medical-reviewers/" not in page.body:
        page.body = page.body.replace(OLD, NEW)
        page.body_html = render_markdown(page.body)
        page.save(update_fields=["body", "body_html"])


class Migration(migrations.Migration):
    dependencies = [("articles", "0008_staff_profiles")]

    operations = [migrations.RunPython(link_reviewers, migrations.RunPython.noop)]
