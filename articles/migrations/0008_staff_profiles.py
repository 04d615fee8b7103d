import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.utils.text import slugify

from empower.roles import apply_roles


def fill_slugs(apps, schema_editor):
    StaffProfile = apps.get_model("articles", "StaffProfile")
    taken = set()
    for profile in StaffProfile.objects.order_by("pk"):
        base = slugify(profile.display_name)[:100] or "profile"
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        profile.slug = slug
        profile.job_title = "Nurse reviewer" if profile.credentials else ""
        profile.save(update_fields=["slug", "job_title"])


def rename_permissions(apps, schema_editor):
    """The roles' permissions on the renamed model: the old codenames go."""
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(
        content_type__app_label="articles", codename__endswith="_reviewerprofile"
    ).delete()
    apply_roles(
        apps,
        {
            "Editors": ["articles.view_staffprofile"],
            "Nurse reviewers": ["articles.view_staffprofile"],
        },
        exact=False,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_guides_and_key_points"),
        ("images", "0002_roles"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameModel("ReviewerProfile", "StaffProfile"),
        migrations.AlterModelOptions(
            name="staffprofile",
            options={"ordering": ["display_name"], "verbose_name": "staff profile"},
        ),
        migrations.AlterField(
            model_name="staffprofile",
            name="user",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="profile",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="staffprofile",
            name="slug",
            field=models.SlugField(default="", max_length=120, db_index=False),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="staffprofile",
            name="job_title",
            field=models.CharField(
                blank=True,
                help_text="For example Nurse reviewer, or Health editor.",
                max_length=120,
                verbose_name="role",
            ),
        ),
        migrations.AddField(
            model_name="staffprofile",
            name="bio",
            field=models.TextField(
                blank=True,
                help_text="A few sentences for readers: experience, specialties. Plain text.",
                verbose_name="short bio",
            ),
        ),
        migrations.AddField(
            model_name="staffprofile",
            name="photo",
            field=models.ForeignKey(
                blank=True,
                help_text="From the media library.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="images.image",
                verbose_name="photo",
            ),
        ),
        migrations.AlterField(
            model_name="staffprofile",
            name="credentials",
            field=models.CharField(
                blank=True,
                help_text="For example RN, or MD. Nurse reviewers need them to sign off.",
                max_length=60,
                verbose_name="credentials",
            ),
        ),
        migrations.AlterField(
            model_name="staffprofile",
            name="credentials_verified_on",
            field=models.DateField(
                blank=True,
                help_text=(
                    "When someone last checked the licence with the issuing body. Reviewers can "
                    "sign off only while this is recent enough (REVIEWER_VERIFICATION_DAYS, "
                    "2 years by default)."
                ),
                null=True,
                verbose_name="credentials last verified on",
            ),
        ),
        migrations.RunPython(fill_slugs, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="staffprofile",
            name="slug",
            field=models.SlugField(
                help_text="The profile page's web address.",
                max_length=120,
                unique=True,
                verbose_name="slug",
            ),
        ),
        migrations.RunPython(rename_permissions, migrations.RunPython.noop),
    ]
