"""Demo users for the editorial roles, and one case study waiting for the sponsor.

The users share the demo admin's printed password. They get their e-mail addresses only
after the demo review is set up, so building the demo sends no notification.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import TaskState

from home import editorial

USERS = (
    ("redaktion", "Rita", "Redaktion", editorial.REDAKTION),
    ("autorin", "Anna", "Autorin", editorial.AUTHORS),
    ("sponsor", "Sven", "Sponsor", editorial.SPONSOR),
)
REVIEWED_SLUG_INDEX = 0  # the first hand-written case study


def build(case_studies, password):
    editorial.ensure_roles_and_workflow()
    editorial.attach_to_sections()
    User = get_user_model()
    users = {}
    for username, first_name, last_name, group in USERS:
        user, created = User.objects.get_or_create(
            username=username, defaults={"first_name": first_name, "last_name": last_name}
        )
        if created:
            user.set_password(password) if password else user.set_unusable_password()
            user.save()
        user.groups.add(Group.objects.get(name=group))
        users[group] = user

    page = list(case_studies.values())[REVIEWED_SLUG_INDEX]
    page.teaser_text = f"{page.teaser_text} (Überarbeitung zur Prüfung)"
    page.save_revision(user=users[editorial.AUTHORS])
    page.get_workflow().start(page, users[editorial.AUTHORS])
    TaskState.objects.for_instance(page).get(status=TaskState.STATUS_IN_PROGRESS).specific.approve(
        user=users[editorial.REDAKTION], comment="Inhaltlich geprüft, bitte freigeben."
    )
    for user in users.values():
        if not user.email:
            user.email = f"{user.username}@example.org"
            user.save(update_fields=["email"])
    return page
