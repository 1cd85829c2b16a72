"""Users per role and the admin's own forms, for the editorial tests."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import querydict_from_html

from home import editorial

PASSWORD = "geheim-123"
ROLE_USERS = {
    editorial.REDAKTION: "redaktion",
    editorial.AUTHORS: "autorin",
    editorial.SPONSOR: "sponsor",
    editorial.ADMINS: "administratorin",
}


def make_user(username, group_name=None, **extra):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", PASSWORD, **extra
    )
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def role_users(db):
    return {role: make_user(name, role) for role, name in ROLE_USERS.items()}


def login(client, user):
    client.force_login(user)
    return client


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def form_data(html, model):
    """The admin's page form as a browser would post it (StreamFields left as drawn)."""
    data = querydict_from_html(html, form_id="page-edit-form")
    for field in model._meta.get_fields():
        if isinstance(field, StreamField):
            data.setdefault(f"{field.name}-count", "0")
    return data


def edit_form(superuser_client, page):
    """The edit form of ``page`` as rendered for a superuser, ready to post."""
    response = superuser_client.get(edit_url(page))
    assert response.status_code == 200, response.status_code
    return form_data(response.content.decode(), page.specific_class)
