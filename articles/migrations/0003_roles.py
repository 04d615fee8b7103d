from django.db import migrations

from empower.roles import apply_roles

# The roles as they stood at this migration; later migrations pass their own.
ROLE_PERMISSIONS = {
    "Editors": [
        "articles.view_condition",
        "articles.add_condition",
        "articles.change_condition",
        "articles.view_article",
        "articles.add_article",
        "articles.change_article",
        "articles.view_revision",
        "articles.add_revision",
        "articles.change_revision",
        "articles.submit_revision",
        "articles.publish_revision",
        "articles.view_reference",
        "articles.add_reference",
        "articles.change_reference",
        "articles.delete_reference",
        "articles.view_review",
        "articles.view_reviewerprofile",
        "articles.view_articleevent",
        "articles.view_page",
        "articles.change_page",
    ],
    "Nurse reviewers": [
        "articles.view_condition",
        "articles.view_article",
        "articles.view_revision",
        "articles.review_revision",
        "articles.view_reference",
        "articles.view_review",
        "articles.view_reviewerprofile",
        "articles.view_articleevent",
        "articles.view_page",
    ],
}


def create_roles(apps, schema_editor):
    apply_roles(apps, ROLE_PERMISSIONS, exact=True)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_pages"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
