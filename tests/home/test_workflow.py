"""The review workflow end to end: e-mails with the comments, the audit log, and the
sponsor's dashboard, preview and (refused) attempts to do more than review."""

import pytest
from django.core import mail
from django.test import Client
from wagtail.models import ModelLogEntry, PageLogEntry, TaskState, WorkflowState

from home import editorial
from knowledge.factories import CaseStudyPageFactory
from tests.home.editorial_helpers import edit_form, edit_url, login, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(site_root, role_users, admin_client):
    page = CaseStudyPageFactory(parent=site_root["knowledge"], title="Digitaler Bauantrag")
    return {"page": page, "users": role_users, "superuser": admin_client}


def submit(client, case, user, title="Digitaler Bauantrag 2.0", **actions):
    login(client, user)
    data = edit_form(case["superuser"], case["page"])
    data["title"] = title
    data.update(actions or {"action-submit": "1"})
    return client.post(edit_url(case["page"]), data)


def act(client, case, user, action, comment=""):
    login(client, user)
    task_state = TaskState.objects.for_instance(case["page"]).get(status="in_progress")
    url = f"/admin/pages/workflow/action/{case['page'].pk}/{action}/{task_state.pk}/"
    return client.post(url, {"comment": comment})


def log_actions(page):
    return list(
        PageLogEntry.objects.filter(page=page, action__startswith="wagtail.")
        .exclude(action__in=["wagtail.create", "wagtail.edit"])
        .order_by("timestamp", "pk")
        .values_list("action", "user__username", "data__comment")
    )


def mails_to(address):
    return [m for m in mail.outbox if address in m.to]


def test_goes_live_after_both_approvals_with_comments_in_mail_and_log(client, case):
    users, page = case["users"], case["page"]
    author = users[editorial.AUTHORS]

    submit(client, case, author)
    assert mails_to("redaktion@example.org"), "Redaktion is told about the new review"
    act(client, case, users[editorial.REDAKTION], "approve", "Redaktionell geprüft.")
    page.refresh_from_db()
    assert page.title == "Digitaler Bauantrag" and page.workflow_in_progress  # not live yet
    sponsor_mail = mails_to("sponsor@example.org")
    assert len(sponsor_mail) == 1
    assert f"/admin/pages/workflow/preview/{page.pk}/" in sponsor_mail[0].body

    mail.outbox.clear()
    act(client, case, users[editorial.SPONSOR], "approve", "Aus Sicht des Sponsors gut.")
    page.refresh_from_db()
    assert page.live and page.title == "Digitaler Bauantrag 2.0"
    assert WorkflowState.objects.for_instance(page).get().status == "approved"

    (approved,) = mails_to("autorin@example.org")
    assert "Redaktionell geprüft." in approved.body
    assert "Aus Sicht des Sponsors gut." in approved.body

    assert log_actions(page)[-5:] == [
        ("wagtail.workflow.start", "autorin", None),
        ("wagtail.workflow.approve", "redaktion", "Redaktionell geprüft."),
        ("wagtail.workflow.approve", "sponsor", "Aus Sicht des Sponsors gut."),
        ("wagtail.rename", "sponsor", None),  # the new title goes live
        ("wagtail.publish", "sponsor", None),
    ]


def test_request_for_changes_reaches_the_author_then_resume_and_cancel(client, case):
    users, page = case["users"], case["page"]
    author = users[editorial.AUTHORS]
    submit(client, case, author)
    act(client, case, users[editorial.REDAKTION], "approve")
    mail.outbox.clear()

    act(client, case, users[editorial.SPONSOR], "reject", "Bitte die Kosten ergänzen.")
    state = WorkflowState.objects.for_instance(page).get()
    assert state.status == "needs_changes"
    (rejected,) = mails_to("autorin@example.org")
    assert "Bitte die Kosten ergänzen." in rejected.body
    page.refresh_from_db()
    assert page.title == "Digitaler Bauantrag"  # nothing went live

    submit(client, case, author, title="Mit Kosten")  # resubmitting resumes the workflow
    state.refresh_from_db()
    assert state.status == "in_progress"
    assert state.current_task_state.task.name == editorial.SPONSOR_TASK_NAME

    submit(client, case, author, **{"action-cancel-workflow": "1"})
    state.refresh_from_db()
    assert state.status == "cancelled"

    actions = [action for action, *_ in log_actions(page)]
    assert actions[-5:] == [
        "wagtail.workflow.start",
        "wagtail.workflow.approve",
        "wagtail.workflow.reject",
        "wagtail.workflow.resume",
        "wagtail.workflow.cancel",
    ]
    reject = PageLogEntry.objects.get(page=page, action="wagtail.workflow.reject")
    assert reject.user == users[editorial.SPONSOR]
    assert reject.data["comment"] == "Bitte die Kosten ergänzen."
    assert not ModelLogEntry.objects.filter(action__startswith="wagtail.workflow").exists()


def test_an_edited_page_needs_both_approvals_again(client, case):
    """WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT: the Redaktion's approval of the old
    version does not count for the changed one."""
    users, page = case["users"], case["page"]
    submit(client, case, users[editorial.AUTHORS])
    act(client, case, users[editorial.REDAKTION], "approve")
    act(client, case, users[editorial.SPONSOR], "reject", "Bitte die Kosten ergänzen.")
    submit(client, case, users[editorial.AUTHORS], title="Mit Kosten")

    act(client, case, users[editorial.SPONSOR], "approve")
    state = WorkflowState.objects.for_instance(page).get()
    assert state.status == "in_progress"
    assert state.current_task_state.task.name == editorial.EDITORIAL_TASK_NAME
    page.refresh_from_db()
    assert page.title == "Digitaler Bauantrag"  # the live version is still the old one

    act(client, case, users[editorial.REDAKTION], "approve")
    page.refresh_from_db()
    state.refresh_from_db()
    assert (state.status, page.live, page.title) == ("approved", True, "Mit Kosten")


@pytest.fixture
def at_sponsor_step(client, case):
    submit(client, case, case["users"][editorial.AUTHORS])
    act(client, case, case["users"][editorial.REDAKTION], "approve")
    client.logout()
    return case


def snapshot(page):
    page.refresh_from_db()
    return (
        page.live,
        page.title,
        page.locked,
        page.live_revision_id,
        page.get_latest_revision().pk,
        list(TaskState.objects.for_instance(page).values_list("pk", "status")),
        list(WorkflowState.objects.for_instance(page).values_list("pk", "status")),
    )


def test_sponsor_cannot_do_more_than_review_even_with_crafted_requests(client, at_sponsor_step):
    """At its own step, where Wagtail's GroupApprovalTask would open the editor to it."""
    case, page = at_sponsor_step, at_sponsor_step["page"]
    before = snapshot(page)
    data = edit_form(case["superuser"], page)
    data["title"] = "Vom Sponsor geändert"
    login(client, case["users"][editorial.SPONSOR])

    assert client.get(edit_url(page)).status_code in (302, 403)
    attempts = [
        (edit_url(page), {**data, "action-publish": "1"}),
        (edit_url(page), data),  # save a draft
        (edit_url(page), {**data, "action-cancel-workflow": "1"}),
        (
            edit_url(page),
            {**data, "action-workflow-action": "1", "workflow-action-name": "approve"},
        ),
        (f"/admin/pages/{page.pk}/unpublish/", {}),
        (f"/admin/pages/{page.pk}/delete/", {}),
        (f"/admin/pages/{page.pk}/lock/", {}),
        (f"/admin/pages/{page.pk}/revisions/{before[4]}/revert/", data),
    ]
    for url, payload in attempts:
        response = client.post(url, payload)
        assert response.status_code in (302, 403, 404), (url, response.status_code)
        assert snapshot(page) == before, url


def test_sponsor_dashboard_lists_the_review_and_opens_the_preview(client, at_sponsor_step):
    case, page = at_sponsor_step, at_sponsor_step["page"]
    login(client, case["users"][editorial.SPONSOR])
    html = client.get("/admin/").content.decode()
    assert "Digitaler Bauantrag 2.0" in html
    assert "Ihre Prüfungen" in html
    assert f"/admin/pages/{page.pk}/edit/" not in html  # no way into the editor
    assert '"name": "reports"' not in html  # menu shows only what the sponsor can use

    task = TaskState.objects.for_instance(page).get(status="in_progress").task
    preview = client.get(f"/admin/pages/workflow/preview/{page.pk}/{task.pk}/")
    assert preview.status_code == 200
    assert "Digitaler Bauantrag 2.0" in preview.content.decode()


def test_sponsor_sees_nothing_before_redaktion_approved(client, case):
    submit(Client(), case, case["users"][editorial.AUTHORS])
    login(client, make_user("sponsor2", editorial.SPONSOR))
    html = client.get("/admin/").content.decode()
    assert "Digitaler Bauantrag 2.0" not in html
    assert "Zurzeit wartet keine Seite auf Ihre Prüfung." in html
    task = TaskState.objects.for_instance(case["page"]).get(status="in_progress").task
    preview_url = f"/admin/pages/workflow/preview/{case['page'].pk}/{task.pk}/"
    assert client.get(preview_url).status_code in (302, 403)


@pytest.mark.parametrize(
    "url",
    [
        "/admin/localize/reports/translations/",
        "/admin/localize/reports/translations/results/",
        "/admin/localize/api/snippets/knowledge/person/",
    ],
)
def test_only_translators_browse_wagtail_localize_reports(client, role_users, url):
    """wagtail-localize opens them to any admin user; home/admin_urls.py closes them."""
    login(client, role_users[editorial.SPONSOR])
    refused = client.get(url)
    # Wagtail's admin turns the PermissionDenied into a redirect to the dashboard
    assert (refused.status_code, refused.get("Location")) == (302, "/admin/")
    login(client, role_users[editorial.REDAKTION])
    assert client.get(url).status_code == 200
    client.logout()
    assert client.get(url).status_code == 302  # to the admin login
