"""Staff roles are groups with exactly the permissions listed in articles.roles."""

import pytest
from django.contrib.auth.models import Group

from tests.servers import all_role_permissions


@pytest.mark.django_db
@pytest.mark.parametrize("role", sorted(all_role_permissions()))
def test_each_role_has_exactly_its_listed_permissions(role):
    group = Group.objects.get(name=role)
    granted = {
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }
    assert granted == all_role_permissions()[role]


@pytest.mark.django_db
def test_an_editor_can_edit_pages_but_not_sign_off_reviews(editor):
    assert editor.has_perm("articles.change_page")
    assert not editor.has_perm("articles.review_revision")
    assert not editor.has_perm("auth.change_user")


@pytest.mark.django_db
def test_a_nurse_reviewer_can_sign_off_but_not_edit_articles(reviewer):
    assert reviewer.has_perm("articles.review_revision")
    assert not reviewer.has_perm("articles.publish_revision")
    assert not reviewer.has_perm("articles.change_article")
    assert not reviewer.has_perm("articles.change_page")
