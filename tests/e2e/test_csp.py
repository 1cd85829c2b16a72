"""The strict Content-Security-Policy in Chromium: the site's scripts (recording player,
search autocomplete), JSON-LD data blocks and the Wagtail admin (login, dashboard, page
editor with its live preview, image chooser) work without one violation."""

import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from playwright.sync_api import expect
from wagtail.images.models import Image

from events.factories import EventPageFactory, RecordingPageFactory
from knowledge.factories import CaseStudyPageFactory, get_region
from tests.home.editorial_helpers import PASSWORD, make_user

# Every violation of the page and its frames, as the page itself reports them.
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__csp.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""


def violations(page):
    return page.evaluate("window.__csp || []")


def small_image():
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "#0b3a66").save(buffer, "PNG")
    return Image.objects.create(title="Rathaus", file=ImageFile(buffer, name="rathaus.png"))


def test_site_and_admin_work_under_the_policy(page, live_server, site_root, requested_hosts):
    case_study = CaseStudyPageFactory(
        parent=site_root["knowledge"],
        title="Wohngeldantrag online",
        municipality=get_region("03357056"),
    )
    event = EventPageFactory(parent=site_root["events"], title="Initiative K in Ravensburg")
    recording = RecordingPageFactory(
        parent=event, video_file=None, video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    )
    small_image()
    make_user("admin", is_superuser=True, is_staff=True)

    page.set_default_timeout(10000)
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(RECORD_VIOLATIONS)
    page.route("**/*youtube*/**", lambda route: route.abort())  # no internet here
    reported = []

    def visit(path):
        page.goto(live_server.url + path)
        page.wait_for_load_state("load")

    def collect(label):
        reported.extend(f"{label}: {entry}" for entry in violations(page))

    # A case study (JSON-LD of the page, the site's stylesheet and logo).
    response = page.goto(live_server.url + case_study.url)
    assert "script-src 'self'" in response.headers["content-security-policy"]
    expect(page.locator("h1")).to_have_text("Wohngeldantrag online")
    collect("case study")

    # A recording: the consent box is the script's, the player an allowed frame.
    visit(recording.url)
    assert page.locator('script[type="application/ld+json"]').count() >= 1
    button = page.get_by_role("button", name="Video laden und abspielen")
    expect(button).to_be_visible()
    button.click()
    expect(page.locator("iframe.video__iframe")).to_have_count(1)
    collect("recording")

    # The search page with the autocomplete (fetch to the suggest API: connect-src).
    visit("/suche/")
    field = page.locator("#search-q")
    expect(field).to_have_attribute("role", "combobox")
    field.press_sequentially("Wohn", delay=40)
    expect(page.get_by_role("listbox", name="Vorschläge")).to_be_visible()
    collect("search")

    # The admin: login, dashboard, page editor, live preview, image chooser.
    visit("/admin/login/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_load_state("load")
    expect(page.locator("#wagtail-sidebar, [data-side-panel], aside").first).to_be_attached()
    collect("dashboard")

    visit(f"/admin/pages/{case_study.pk}/edit/")
    expect(page.locator("#id_title")).to_have_value("Wohngeldantrag online")
    page.locator("#id_title").fill("Wohngeldantrag online (neu)")
    tab_panel = page.locator("[role=tabpanel]", has=page.locator("#id_teaser_image"))
    page.locator(f"[role=tab][aria-controls='{tab_panel.get_attribute('id')}']").click()
    page.locator("#id_teaser_image-chooser [data-chooser-action-choose]").click()
    chooser = page.locator(".modal-dialog, [role=dialog]").filter(has_text="Rathaus").first
    expect(chooser).to_be_visible()
    chooser.get_by_text("Rathaus").first.click()
    expect(page.locator(".modal-dialog:visible")).to_have_count(0)
    collect("page editor")

    page.locator("[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("#w-preview-iframe, iframe[title]").first
    expect(preview.locator("h1")).to_have_text("Wohngeldantrag online (neu)", timeout=10000)
    collect("preview")

    # The site as a signed-in editor: Wagtail's user bar works under the site's policy.
    visit(case_study.url)
    expect(page.locator("wagtail-userbar, [data-wagtail-userbar]").first).to_be_attached()
    page.wait_for_timeout(500)
    collect("user bar")

    csp_messages = [text for text in console if "Content Security Policy" in text]
    assert reported == [] and csp_messages == [], (reported, csp_messages)
    # The player's request (aborted above) is the only one to another host.
    assert requested_hosts <= {live_server.url, "https://www.youtube-nocookie.com"}
