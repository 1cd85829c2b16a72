"""A visitor asks a case study's contact person about re-use, through the contact form."""

from django.core import mail
from playwright.sync_api import expect

from knowledge.factories import CaseStudyPageFactory, PersonFactory, get_region

ADDRESS = "erika.beispiel@example.org"
MESSAGE = "Wir möchten Ihren digitalen Bauantrag nachnutzen. Wie lange hat die Einführung gedauert?"


def test_send_a_contact_request(page, live_server, site_root, requested_hosts):
    contact = PersonFactory(
        name="Erika Beispiel", role="Digitalisierungsbeauftragte", email=ADDRESS
    )
    case_study = CaseStudyPageFactory(
        parent=site_root["knowledge"],
        title="Digitaler Bauantrag in Herrenberg",
        municipality=get_region("08115021"),
        contact_person=contact,
    )
    page.goto(live_server.url + case_study.url)
    page.get_by_role("link", name="Kontakt aufnehmen / Nachnutzung anfragen").click()
    page.wait_for_load_state("load")
    expect(page.locator("h1")).to_have_text("Kontakt aufnehmen / Nachnutzung anfragen")
    expect(page.locator("main")).to_contain_text("Erika Beispiel")
    assert ADDRESS not in page.content()

    page.get_by_label("Ihr Name").fill("Max Mustermann")
    page.get_by_label("Organisation oder Kommune").fill("Stadt Musterstadt")
    page.get_by_label("Ihre E-Mail-Adresse").fill("max@musterstadt.example")
    page.get_by_label("Ihre Nachricht").focus()
    page.keyboard.type(MESSAGE)
    # Sent without consent: an error summary, the field marked, nothing sent.
    page.get_by_role("button", name="Nachricht senden").click()
    page.wait_for_load_state("load")
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Bitte prüfen Sie Ihre Angaben")
    consent = page.get_by_label("Ich willige in die Speicherung")
    expect(consent).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Ihre Nachricht")).to_have_value(MESSAGE)
    assert mail.outbox == []

    consent.focus()
    page.keyboard.press("Space")
    expect(consent).to_be_checked()
    page.keyboard.press("Tab")  # past the hidden honeypot (tabindex=-1) to the button
    expect(page.locator(":focus")).to_have_text("Nachricht senden")
    page.keyboard.press("Enter")
    page.wait_for_load_state("load")
    expect(page.locator("h1")).to_have_text("Vielen Dank für Ihre Nachricht")
    expect(page.get_by_role("status")).to_contain_text("an Erika Beispiel weitergeleitet")

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [f"Erika Beispiel <{ADDRESS}>"]
    assert message.reply_to == ["Max Mustermann <max@musterstadt.example>"]
    assert MESSAGE in message.body
    assert requested_hosts == {live_server.url}, requested_hosts
