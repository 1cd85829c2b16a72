import io

import pytest
from django.core.management import call_command
from playwright.sync_api import expect


@pytest.fixture
def demo_site(reference_data, live_server):
    call_command("load_demo_content", admin_password="e2e-password", stdout=io.StringIO())
    return live_server.url


def test_home_to_case_study_facts_box(page, demo_site, requested_hosts):
    page.goto(demo_site + "/")
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("html")).to_have_attribute("lang", "de")

    # The skip link is the first thing the keyboard reaches.
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_attribute("href", "#main")

    latest = page.get_by_role("region", name="Neueste Praxisbeispiele")
    first_case_study = latest.locator(".card__title a").first
    title = first_case_study.inner_text().strip()
    first_case_study.click()
    page.wait_for_load_state("load")

    expect(page.locator("h1")).to_have_text(title)
    facts = page.locator("aside.facts")
    expect(facts).to_be_visible()
    expect(facts.locator("h2")).to_have_text("Steckbrief")
    for term in ("Kommune", "Land", "Themenfelder", "Status", "Nachnutzung"):
        expect(facts.locator("dt", has_text=term).first).to_be_visible()
    land_link = facts.locator("a[href*='land=']").first
    expect(land_link).to_be_visible()

    # The taxonomy link leads to a listing that contains this case study.
    land_link.click()
    page.wait_for_load_state("load")
    expect(page.get_by_role("link", name=title).first).to_be_visible()

    assert requested_hosts == {demo_site}, requested_hosts
