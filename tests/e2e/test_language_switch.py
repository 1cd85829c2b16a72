"""A visitor switches a case study from German to English and back."""

from playwright.sync_api import expect

from tests.knowledge.test_translation import TITLE_DE, TITLE_EN, bilingual, english  # noqa: F401


def test_switch_a_case_study_to_english_and_back(page, live_server, bilingual, requested_hosts):  # noqa: F811
    page.goto(live_server.url + bilingual["de"].url)
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.locator("h1")).to_have_text(TITLE_DE)

    switcher = page.locator("nav.language-switcher")
    switcher.get_by_role("link", name="English").click()
    page.wait_for_load_state("load")
    expect(page).to_have_url(live_server.url + "/en/knowledge/herrenberg-building-permit/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text(TITLE_EN)
    expect(switcher.locator("[aria-current]")).to_have_text("English")

    switcher.get_by_role("link", name="Deutsch").click()
    page.wait_for_load_state("load")
    expect(page).to_have_url(live_server.url + "/wissen/herrenberg-bauantrag/")
    expect(page.locator("h1")).to_have_text(TITLE_DE)

    # A page without a translation leads to the English home page.
    page.goto(live_server.url + bilingual["german_only"].url)
    switcher.get_by_role("link", name="English").click()
    page.wait_for_load_state("load")
    expect(page).to_have_url(live_server.url + "/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert requested_hosts == {live_server.url}
