"""The sponsor logs in, finds the page awaiting its review, previews it, approves it
with a comment, and the page goes live."""

import pytest
from playwright.sync_api import expect
from wagtail.models import PageLogEntry, TaskState

from home import editorial
from knowledge.factories import CaseStudyPageFactory
from tests.home.editorial_helpers import PASSWORD, make_user


@pytest.fixture
def in_sponsor_review(site_root, live_server):
    author = make_user("autorin", editorial.AUTHORS)
    make_user("sponsor", editorial.SPONSOR)
    page = CaseStudyPageFactory(parent=site_root["knowledge"], title="Digitaler Bauantrag")
    page.title = "Digitaler Bauantrag (überarbeitet)"
    page.save_revision(user=author)
    page.get_workflow().start(page, author)
    page.current_workflow_task_state.approve(user=make_user("redaktion", editorial.REDAKTION))
    return page


def test_sponsor_previews_comments_and_approves(
    page, live_server, in_sponsor_review, requested_hosts
):
    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", "sponsor")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").click()

    row = page.locator("tr", has_text="Digitaler Bauantrag (überarbeitet)")
    expect(row).to_be_visible()
    expect(page.get_by_text("Ihre Prüfungen")).to_be_visible()

    row.get_by_role("button", name="Aktionen").click()
    with page.expect_popup() as popup:
        row.get_by_role("link", name="Vorschau").click()
    preview = popup.value
    preview.wait_for_load_state()
    expect(preview.locator("h1")).to_have_text("Digitaler Bauantrag (überarbeitet)")
    preview.close()

    row.get_by_role("button", name="Aktionen").click()
    row.get_by_role("button", name="Mit Kommentar genehmigen").click()
    dialog = page.locator(".modal-dialog, [role=dialog]").filter(has=page.locator("textarea"))
    dialog.locator("textarea[name=comment]").fill("Passt, vielen Dank!")
    dialog.locator("button[type=submit], input[type=submit]").first.click()
    expect(row).to_have_count(0)

    in_sponsor_review.refresh_from_db()
    assert in_sponsor_review.live
    assert in_sponsor_review.title == "Digitaler Bauantrag (überarbeitet)"
    approval = TaskState.objects.for_instance(in_sponsor_review).get(
        task__name=editorial.SPONSOR_TASK_NAME
    )
    assert (approval.status, approval.comment) == ("approved", "Passt, vielen Dank!")
    assert PageLogEntry.objects.filter(
        page=in_sponsor_review, action="wagtail.workflow.approve", user__username="sponsor"
    ).exists()
    assert requested_hosts == {live_server.url}, requested_hosts
