"""Suggestions while typing on /suche/ (static/js/search-autocomplete.js): a WAI-ARIA
combobox with list autocomplete, driven by keyboard and mouse; without JavaScript the
page stays a plain search form."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from knowledge.factories import CaseStudyPageFactory, get_region

WOHNSTE = "03357056"  # the only Gemeinde whose name contains "wohn"
WOHNGELD = 10092  # OZG-Leistung "Wohngeld"


@pytest.fixture
def search_site(site_root, live_server):
    case_study = CaseStudyPageFactory(
        parent=site_root["knowledge"],
        title="Wohngeldantrag online",
        teaser_text="Wohngeld beantragen, ohne aufs Amt zu gehen.",
        municipality=get_region(WOHNSTE),
        leistungen=[WOHNGELD],
    )
    CaseStudyPageFactory(parent=site_root["knowledge"], title="Digitaler Bauantrag")
    return {"url": live_server.url, "case_study": case_study}


@pytest.fixture
def page_errors(page):
    """Uncaught JavaScript errors of the page."""
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def query_of(url):
    return parse_qs(urlsplit(url).query)


def open_search(page, search_site, path="/suche/"):
    page.goto(search_site["url"] + path)
    field = page.locator("#search-q")
    expect(field).to_have_attribute("role", "combobox")  # the script has run
    return field


def type_wohn(page, field):
    field.press_sequentially("Wohn", delay=40)  # several input events: debounced
    listbox = page.get_by_role("listbox", name="Vorschläge")
    expect(listbox).to_be_visible()
    expect(field).to_have_attribute("aria-expanded", "true")
    return listbox


def test_typing_shows_grouped_suggestions(page, search_site, requested_hosts, page_errors):
    field = open_search(page, search_site)
    expect(field).to_have_attribute("aria-autocomplete", "list")
    expect(field).to_have_attribute("aria-expanded", "false")
    listbox_id = field.get_attribute("aria-controls")
    assert listbox_id

    suggest_requests = []
    page.on(
        "request",
        lambda request: "/api/search/suggest/" in request.url and suggest_requests.append(request),
    )
    listbox = type_wohn(page, field)
    expect(listbox).to_have_attribute("id", listbox_id)
    # Typed faster than the debounce: one request, for the whole word.
    assert [query_of(r.url) for r in suggest_requests] == [{"q": ["Wohn"], "lang": ["de"]}]
    pages = listbox.get_by_role("group", name="Seiten")
    expect(pages.get_by_role("option")).to_have_text(["Wohngeldantrag online Praxisbeispiel"])
    municipalities = listbox.get_by_role("group", name="Kommunen")
    expect(municipalities.get_by_role("option", name="Wohnste")).to_have_count(1)
    ozg = listbox.get_by_role("group", name="OZG-Leistungen")
    expect(ozg.get_by_role("option", name="Wohngeld", exact=False).first).to_be_visible()

    count = listbox.get_by_role("option").count()
    assert count >= 3
    expect(page.get_by_role("status")).to_have_text(f"{count} Vorschläge")
    # Nothing is chosen before the arrow keys are used.
    expect(field).to_have_attribute("aria-activedescendant", "")
    expect(listbox.locator("[aria-selected=true]")).to_have_count(0)

    # Too short: the list closes.
    field.press("Backspace")
    field.press("Backspace")
    field.press("Backspace")
    expect(field).to_have_attribute("aria-expanded", "false")
    expect(listbox).to_be_hidden()

    field.fill("qxqxqx")
    expect(page.get_by_role("status")).to_have_text("Keine Vorschläge")
    expect(field).to_have_attribute("aria-expanded", "false")

    assert page_errors == []
    assert requested_hosts == {search_site["url"]}, requested_hosts


def test_arrow_keys_wrap_and_enter_opens_the_page(page, search_site, requested_hosts, page_errors):
    field = open_search(page, search_site)
    listbox = type_wohn(page, field)
    options = listbox.get_by_role("option")
    first, last = options.first, options.last

    field.press("ArrowDown")
    expect(first).to_have_attribute("aria-selected", "true")
    expect(field).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    expect(field).to_be_focused()
    field.press("ArrowUp")  # wraps to the end
    expect(last).to_have_attribute("aria-selected", "true")
    expect(first).to_have_attribute("aria-selected", "false")
    expect(field).to_have_attribute("aria-activedescendant", last.get_attribute("id"))
    field.press("ArrowDown")  # and back to the start
    expect(first).to_have_attribute("aria-selected", "true")
    expect(first).to_contain_text("Wohngeldantrag online")

    field.press("Enter")
    case_study = search_site["case_study"]
    expect(page).to_have_url(search_site["url"] + case_study.url)
    expect(page.locator("h1")).to_have_text("Wohngeldantrag online")

    assert page_errors == []
    assert requested_hosts == {search_site["url"]}, requested_hosts


def test_clicking_a_municipality_filters_the_search(
    page, search_site, requested_hosts, page_errors
):
    field = open_search(page, search_site)
    listbox = type_wohn(page, field)
    listbox.get_by_role("option", name="Wohnste").click()

    expect(page).to_have_url(search_site["url"] + f"/suche/?ags={WOHNSTE}")
    expect(page.locator("#search-q")).to_have_value("")
    results = page.locator(".search-result .card__title a")
    expect(results).to_have_text(["Wohngeldantrag online"])

    assert page_errors == []
    assert requested_hosts == {search_site["url"]}, requested_hosts


def test_choosing_an_ozg_leistung_filters_the_search(page, search_site, page_errors):
    field = open_search(page, search_site)
    field.press_sequentially("Wohngeld", delay=20)
    ozg = page.get_by_role("group", name="OZG-Leistungen")
    option = ozg.get_by_role("option", name=re.compile(r"^Wohngeld\b"))
    expect(option.first).to_be_visible()
    # Move down to the Leistung with the keyboard, then choose it with Enter.
    option_id = option.first.get_attribute("id")
    for _ in range(page.get_by_role("option").count()):
        field.press("ArrowDown")
        if field.get_attribute("aria-activedescendant") == option_id:
            break
    expect(field).to_have_attribute("aria-activedescendant", option_id)
    field.press("Enter")

    expect(page).to_have_url(search_site["url"] + f"/suche/?ozg={WOHNGELD}")
    expect(page.locator(".search-result .card__title a")).to_have_text(["Wohngeldantrag online"])
    assert page_errors == []


def test_escape_closes_then_clears(page, search_site, page_errors):
    field = open_search(page, search_site)
    listbox = type_wohn(page, field)
    field.press("ArrowDown")

    field.press("Escape")
    expect(field).to_have_attribute("aria-expanded", "false")
    expect(listbox).to_be_hidden()
    expect(field).to_have_attribute("aria-activedescendant", "")
    expect(field).to_have_value("Wohn")

    field.press("ArrowDown")  # opens the list again
    expect(field).to_have_attribute("aria-expanded", "true")
    field.press("Escape")
    expect(field).to_have_attribute("aria-expanded", "false")
    field.press("Escape")
    expect(field).to_have_value("")

    # Tab and a click elsewhere close the list too.
    type_wohn(page, field)
    field.press("Tab")
    expect(field).to_have_attribute("aria-expanded", "false")
    field.clear()
    type_wohn(page, field)
    page.locator("h1").click()
    expect(field).to_have_attribute("aria-expanded", "false")
    assert page_errors == []


def test_enter_without_an_active_option_submits_the_form(page, search_site, page_errors):
    field = open_search(page, search_site)
    type_wohn(page, field)
    field.press("Enter")
    expect(page).to_have_url(re.compile(r"/suche/\?q=Wohn\b"))
    assert query_of(page.url)["q"] == ["Wohn"]
    expect(page.locator(".search-result .card__title a")).to_have_text(["Wohngeldantrag online"])
    assert page_errors == []


def test_a_failing_suggest_api_closes_the_list_silently(page, search_site, page_errors):
    field = open_search(page, search_site)
    page.route("**/api/search/suggest/**", lambda route: route.fulfill(status=500, body="x"))
    field.press_sequentially("Wohn", delay=20)
    page.wait_for_timeout(600)
    expect(field).to_have_attribute("aria-expanded", "false")
    field.press("Enter")
    expect(page).to_have_url(re.compile(r"/suche/\?q=Wohn\b"))
    assert page_errors == []


def test_english_page_has_english_strings(page, search_site, page_errors):
    field = open_search(page, search_site, "/en/search/")
    expect(page.locator("form[role=search][data-lang]")).to_have_attribute("data-lang", "en")
    field.press_sequentially("Wohn", delay=20)
    listbox = page.get_by_role("listbox", name="Suggestions")
    expect(listbox).to_be_visible()
    # The case study is German: only the municipality and the Leistungen are suggested.
    expect(listbox.get_by_role("group", name="Pages")).to_have_count(0)
    expect(listbox.get_by_role("group", name="Municipalities")).to_contain_text("Wohnste")
    expect(listbox.get_by_role("group", name="OZG services")).to_be_visible()
    count = listbox.get_by_role("option").count()
    expect(page.get_by_role("status")).to_have_text(f"{count} suggestions")
    listbox.get_by_role("option", name="Wohnste").click()
    expect(page).to_have_url(search_site["url"] + f"/en/search/?ags={WOHNSTE}")
    assert page_errors == []


def test_without_javascript_the_form_is_unchanged(browser, search_site):
    context = browser.new_context(java_script_enabled=False)
    hosts = set()
    context.on("request", lambda request: hosts.add(re.match(r"\w+://[^/]+", request.url)[0]))
    page = context.new_page()
    try:
        page.goto(search_site["url"] + "/suche/")
        field = page.locator("#search-q")
        for name in ("role", "aria-expanded", "aria-controls", "aria-autocomplete"):
            assert field.get_attribute(name) is None, name
        expect(page.locator("[role=listbox]")).to_have_count(0)

        field.fill("Wohngeld")
        field.press("Enter")
        expect(page).to_have_url(re.compile(r"/suche/\?q=Wohngeld\b"))
        assert query_of(page.url)["q"] == ["Wohngeld"]
        expect(page.locator(".search-result .card__title a")).to_have_text(
            ["Wohngeldantrag online"]
        )
        assert hosts == {search_site["url"]}, hosts
    finally:
        context.close()


# Answers for "Wohn" arrive late and ignore the AbortController: the list must not
# fall back to them once "Wohngeld" has been answered.
SLOW_FIRST_ANSWER = """
(() => {
    const original = window.fetch;
    window.fetch = (url, options) => {
        const q = new URL(url, location.href).searchParams.get("q");
        const { signal, ...rest } = options || {};
        const answer = original(url, rest);
        if (q !== "Wohn") {
            return answer;
        }
        return new Promise((resolve) => setTimeout(() => resolve(answer), 1500));
    };
})();
"""


def test_late_answers_to_older_text_are_ignored(page, search_site, page_errors):
    page.add_init_script(SLOW_FIRST_ANSWER)
    field = open_search(page, search_site)
    field.press_sequentially("Wohn")
    page.wait_for_timeout(400)  # the request for "Wohn" is on its way
    field.press_sequentially("geld")
    listbox = page.get_by_role("listbox")
    expect(listbox.get_by_role("option", name="Wohngeld").first).to_be_visible()
    page.wait_for_timeout(1800)  # the answer for "Wohn" has come in meanwhile
    expect(listbox.get_by_role("option", name="Wohnste")).to_have_count(0)
    expect(listbox.get_by_role("option", name="Wohnsitzmeldungen")).to_have_count(0)
    expect(field).to_have_attribute("aria-expanded", "true")
    assert page_errors == []
