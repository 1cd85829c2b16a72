"""Contact and re-use requests: the form on /kontakt/<id>/, relaying by e-mail, spam
defences, failures that lose nothing, the admin's "Kontaktanfragen" and the command."""

import datetime
import io
import smtplib

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.cache import cache
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.test import override_settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from events.factories import EventIndexPageFactory
from home.factories import HomePageFactory, StandardPageFactory
from home.models import SiteSettings
from home.translation import translate
from knowledge.contact import spam
from knowledge.factories import (
    CaseStudyPageFactory,
    KnowledgeIndexPageFactory,
    PersonFactory,
    get_region,
)
from knowledge.models import ContactRequest
from tests.conftest import ensure_reference_data, module_transaction
from tests.utils import soup

ADDRESS = "erika.beispiel@example.org"
TITLE = "Digitaler Bauantrag in Herrenberg"
TITLE_EN = "Digital building permits in Herrenberg"
MESSAGE = "Wir möchten Ihren digitalen Bauantrag in Musterstadt nachnutzen. Wie lief das?"
VALID = {
    "name": "Max Mustermann",
    "organisation": "Stadt Musterstadt",
    "email": "max@musterstadt.example",
    "message": MESSAGE,
    "consent": "on",
    "website": "",
}


class FailingBackend(BaseEmailBackend):
    """The mail server is down."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def build_corpus():
    ensure_reference_data()
    home = HomePageFactory(parent=Page.get_first_root_node(), title="Initiative K", slug="start")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"root_page": home, "hostname": "localhost", "port": 80},
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    knowledge = KnowledgeIndexPageFactory(parent=home, title="Wissen", slug="wissen")
    EventIndexPageFactory(parent=home, title="Veranstaltungen", slug="veranstaltungen")
    privacy = StandardPageFactory(parent=home, title="Datenschutz", slug="datenschutz")
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.privacy_page = privacy
    site_settings.save()
    contact = PersonFactory(
        name="Erika Beispiel",
        role="Digitalisierungsbeauftragte",
        municipality=get_region("08115021"),
        email=ADDRESS,
    )
    case_study = CaseStudyPageFactory(
        parent=knowledge,
        title=TITLE,
        slug="herrenberg-bauantrag",
        municipality=get_region("08115021"),
        contact_person=contact,
    )
    draft = CaseStudyPageFactory(parent=knowledge, title="Entwurf", contact_person=contact)
    draft.unpublish()
    no_contact = CaseStudyPageFactory(parent=knowledge, title="Ohne Kontakt", contact_person=None)
    no_address = CaseStudyPageFactory(
        parent=knowledge, title="Ohne Adresse", contact_person=PersonFactory(email="")
    )
    english = Locale.objects.get(language_code="en")
    translate(home, english, {"Initiative K": "Initiative K"})
    translate(knowledge, english, {"Wissen": "Knowledge", "wissen": "knowledge"})
    case_study_en = translate(
        case_study, english, {TITLE: TITLE_EN, "herrenberg-bauantrag": "herrenberg-permit"}
    )
    return {
        "case_study": case_study,
        "case_study_en": case_study_en,
        "draft": draft,
        "no_contact": no_contact,
        "no_address": no_address,
        "knowledge": knowledge,
        "contact": contact,
    }


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        yield build_corpus()


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


def form_url(page, language=None):
    prefix = "/en" if language == "en" else ""
    return f"{prefix}/kontakt/{page.pk}/"


def test_form_for_a_case_study_with_a_contact_and_404_otherwise(client, db, corpus):
    case_study = corpus["case_study"]
    page_html = client.get(case_study.url).content.decode()
    assert ADDRESS not in page_html
    cta = soup(client.get(case_study.url)).select_one(".contact-cta a")
    assert cta["href"] == form_url(case_study)
    assert cta.get_text(strip=True) == "Kontakt aufnehmen / Nachnutzung anfragen"

    response = client.get(form_url(case_study))
    assert ADDRESS not in response.content.decode()
    html = soup(response)
    assert html.h1.get_text(strip=True) == "Kontakt aufnehmen / Nachnutzung anfragen"
    assert TITLE in html.select_one("main").get_text()
    assert (
        html.select_one(".contact__person")
        .get_text(" ", strip=True)
        .startswith("Erika Beispiel , Digitalisierungsbeauftragte")
    )
    assert html.select_one('meta[name="robots"]')["content"] == "noindex"
    form = html.select_one("form.contact-form")
    assert form.select_one('input[name="csrfmiddlewaretoken"]')
    for name in ("name", "organisation", "email", "message", "consent", "website"):
        field = form.select_one(f'[name="{name}"]')
        assert form.select_one(f'label[for="{field["id"]}"]'), name
    trap = form.select_one('input[name="website"]')
    assert trap["tabindex"] == "-1" and trap["autocomplete"] == "off"
    assert trap.find_parent(attrs={"aria-hidden": "true"})
    consent = form.select_one('input[name="consent"]')
    assert "id_consent_helptext" in consent["aria-describedby"]
    consent_help = html.select_one("#id_consent_helptext")
    assert "180 Tagen" in consent_help.get_text() and "Erika Beispiel" in consent_help.get_text()
    assert consent_help.select_one('a[href="/datenschutz/"]')

    for page in ("draft", "no_contact", "no_address", "knowledge"):
        assert client.get(form_url(corpus[page])).status_code == 404, page
        assert client.get(form_url(corpus[page]) + "danke/").status_code == 404, page
    assert client.get("/kontakt/999999/").status_code == 404
    assert soup(client.get(corpus["no_contact"].url)).select_one(".contact-cta") is None
    assert soup(client.get(corpus["no_address"].url)).select_one(".contact-cta") is None


def test_valid_request_is_stored_and_relayed_to_the_contact(client, db, corpus):
    case_study = corpus["case_study"]
    response = client.post(form_url(case_study), VALID)
    assert response.status_code == 302
    assert response["Location"] == form_url(case_study) + "danke/"

    request = ContactRequest.objects.get()
    assert (request.page, request.recipient, request.page_title) == (
        case_study,
        corpus["contact"],
        TITLE,
    )
    assert (request.name, request.organisation, request.email) == (
        "Max Mustermann",
        "Stadt Musterstadt",
        "max@musterstadt.example",
    )
    assert request.status == ContactRequest.Status.SENT and request.attempts == 1
    assert request.sent_at and request.consent_at and request.language == "de"

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [f"Erika Beispiel <{ADDRESS}>"]
    assert message.reply_to == ["Max Mustermann <max@musterstadt.example>"]
    assert message.from_email == "Initiative K <noreply@localhost>"
    assert TITLE in message.subject and "Initiative K" in message.subject
    assert MESSAGE in message.body and "Stadt Musterstadt" in message.body
    assert message.cc == [] and message.bcc == []

    thanks = client.get(response["Location"])
    text = soup(thanks).select_one("main").get_text(" ", strip=True)
    assert "an Erika Beispiel weitergeleitet" in text
    assert ADDRESS not in thanks.content.decode()


@pytest.mark.parametrize(
    "field, value, error",
    [
        ("name", "", "Bitte geben Sie Ihren Namen an."),
        ("name", "Max\r\nBcc: x@example.org", "ohne Zeilenumbrüche"),
        ("email", "max@", "gültige E-Mail-Adresse"),
        ("message", "Zu kurz.", "zu kurz"),
        ("message", "x" * 5001, "zu lang"),
        ("consent", "", "Einwilligung"),
    ],
)
def test_invalid_field_gets_an_error_and_nothing_happens(client, db, corpus, field, value, error):
    data = {**VALID, field: value}
    if field == "consent":
        del data["consent"]
    response = client.post(form_url(corpus["case_study"]), data)
    html = soup(response)
    message = html.select_one(f"#id_{field}_error")
    assert message is not None and error in message.get_text()
    widget = html.select_one(f'[name="{field}"]')
    assert f"id_{field}_error" in widget["aria-describedby"].split()
    assert widget["aria-invalid"] == "true"
    assert html.select_one(f'#error-summary a[href="#id_{field}"]')
    assert html.title.get_text().startswith("Fehler:")
    assert not ContactRequest.objects.exists()
    assert mail.outbox == []


def test_honeypot_looks_like_success_but_stores_and_sends_nothing(client, db, corpus):
    response = client.post(form_url(corpus["case_study"]), {**VALID, "website": "spam.example"})
    assert response.status_code == 302
    assert response["Location"].endswith("/danke/")
    assert not ContactRequest.objects.exists()
    assert mail.outbox == []


@override_settings(CONTACT_RATE_LIMIT=2)
def test_rate_limit_per_client(client, db, corpus, rf):
    url = form_url(corpus["case_study"])
    for _ in range(2):
        assert client.post(url, VALID, REMOTE_ADDR="203.0.113.7").status_code == 302
    response = client.post(url, VALID, REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Zu viele Anfragen" in soup_text(response)
    assert ContactRequest.objects.count() == 2 and len(mail.outbox) == 2

    assert client.post(url, VALID, REMOTE_ADDR="198.51.100.1").status_code == 302
    assert ContactRequest.objects.count() == 3
    # The cache knows the client by a salted hash only; no address is stored anywhere.
    assert "203.0.113.7" not in spam.cache_key(rf.get("/", REMOTE_ADDR="203.0.113.7"))


def soup_text(response):
    from bs4 import BeautifulSoup

    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


@override_settings(EMAIL_BACKEND="tests.knowledge.test_contact.FailingBackend")
def test_smtp_failure_keeps_the_request_and_tells_the_visitor_kindly(client, db, corpus):
    response = client.post(form_url(corpus["case_study"]), VALID, follow=True)
    assert response.status_code == 200
    assert "Ihre Anfrage ist bei uns gespeichert" in soup_text(response)
    request = ContactRequest.objects.get()
    assert request.status == ContactRequest.Status.FAILED and request.attempts == 1
    assert "SMTPServerDisconnected" in request.last_error and request.sent_at is None


def failed_request(corpus, **kwargs):
    return ContactRequest.objects.create(
        page=corpus["case_study"],
        page_title=TITLE,
        recipient=corpus["contact"],
        name="Max Mustermann",
        email="max@musterstadt.example",
        message=MESSAGE,
        consent_at=timezone.now(),
        language="de",
        status=kwargs.pop("status", ContactRequest.Status.FAILED),
        attempts=kwargs.pop("attempts", 1),
        last_error="SMTPServerDisconnected: down",
        **kwargs,
    )


def test_command_resends_due_requests_and_deletes_expired_ones(db, corpus):
    failed = failed_request(corpus)
    long_ago = timezone.now() - datetime.timedelta(hours=1)
    stale_new = failed_request(corpus, status=ContactRequest.Status.NEW, attempts=0)
    ContactRequest.objects.filter(pk=stale_new.pk).update(created_at=long_ago)
    fresh_new = failed_request(corpus, status=ContactRequest.Status.NEW, attempts=0)
    given_up = failed_request(corpus, attempts=10)
    expired = failed_request(corpus, status=ContactRequest.Status.SENT)
    ContactRequest.objects.filter(pk=expired.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=181)
    )

    out = io.StringIO()
    call_command("send_contact_requests", stdout=out, stderr=io.StringIO())
    assert "Sent: 2, failed: 0" in out.getvalue()
    assert len(mail.outbox) == 2 and mail.outbox[0].to == [f"Erika Beispiel <{ADDRESS}>"]
    failed.refresh_from_db()
    assert failed.status == ContactRequest.Status.SENT and failed.attempts == 2
    assert failed.last_error == "" and failed.sent_at
    assert ContactRequest.objects.get(pk=stale_new.pk).status == ContactRequest.Status.SENT
    assert ContactRequest.objects.get(pk=fresh_new.pk).status == ContactRequest.Status.NEW
    assert ContactRequest.objects.get(pk=given_up.pk).status == ContactRequest.Status.FAILED
    assert not ContactRequest.objects.filter(pk=expired.pk).exists()


def editor(django_user_model, *codenames):
    user = django_user_model.objects.create_user("redaktion", password="pw")
    group = Group.objects.create(name="Kontakt-Test")
    group.permissions.set(
        Permission.objects.filter(
            codename__in=["access_admin", *codenames],
            content_type__app_label__in=["wagtailadmin", "knowledge"],
        )
    )
    user.groups.add(group)
    return user


def test_admin_lists_inspects_and_resends_for_a_permitted_editor(
    client, db, corpus, django_user_model
):
    request = failed_request(corpus, organisation="Stadt Musterstadt")
    client.force_login(editor(django_user_model, "view_contactrequest", "resend_contactrequest"))

    index = client.get("/admin/kontaktanfragen/")
    assert index.status_code == 200
    text = soup_text(index)
    assert "Kontaktanfragen" in text and "Max Mustermann" in text and TITLE in text
    assert "Erika Beispiel" in text and "Fehlgeschlagen" in text
    assert "Max Mustermann" not in soup_text(client.get("/admin/kontaktanfragen/?status=sent"))
    assert "Kontaktanfragen" in client.get("/admin/").content.decode()  # the menu item

    inspect = client.get(f"/admin/kontaktanfragen/inspect/{request.pk}/")
    assert inspect.status_code == 200 and MESSAGE in soup_text(inspect)
    with pytest.raises(NoReverseMatch):
        reverse("kontaktanfragen:edit", args=[request.pk])

    assert client.get(f"/admin/kontaktanfragen/resend/{request.pk}/").status_code == 200
    response = client.post(f"/admin/kontaktanfragen/resend/{request.pk}/")
    assert response["Location"] == f"/admin/kontaktanfragen/inspect/{request.pk}/"
    request.refresh_from_db()
    assert request.status == ContactRequest.Status.SENT and len(mail.outbox) == 1

    other = failed_request(corpus)
    assert "Max Mustermann" in soup_text(client.get("/admin/kontaktanfragen/resend/"))
    assert client.post("/admin/kontaktanfragen/resend/").status_code == 302
    other.refresh_from_db()
    assert other.status == ContactRequest.Status.SENT and len(mail.outbox) == 2


def test_admin_refuses_editors_without_permission(client, db, corpus, django_user_model):
    request = failed_request(corpus)
    client.force_login(editor(django_user_model))
    assert "Kontaktanfragen" not in client.get("/admin/").content.decode()
    assert client.get("/admin/kontaktanfragen/").status_code == 302
    assert client.get(f"/admin/kontaktanfragen/inspect/{request.pk}/").status_code == 302
    assert client.post(f"/admin/kontaktanfragen/resend/{request.pk}/").status_code == 302
    assert client.post("/admin/kontaktanfragen/resend/").status_code == 302
    request.refresh_from_db()
    assert request.status == ContactRequest.Status.FAILED and mail.outbox == []


def test_english_form(client, db, corpus):
    case_study_en = corpus["case_study_en"]
    # The German page's form in English leads to the English translation's form.
    redirect = client.get(form_url(corpus["case_study"], "en"))
    assert redirect.status_code == 302 and redirect["Location"] == form_url(case_study_en, "en")

    html = soup(client.get(form_url(case_study_en, "en")))
    assert html.html["lang"] == "en"
    assert TITLE_EN in html.select_one("main").get_text()
    assert ADDRESS not in str(html)
    response = client.post(form_url(case_study_en, "en"), VALID)
    assert response["Location"] == form_url(case_study_en, "en") + "danke/"
    request = ContactRequest.objects.get()
    assert request.language == "en" and request.page_id == case_study_en.pk
    assert mail.outbox[0].to == [f"Erika Beispiel <{ADDRESS}>"]
    assert TITLE_EN in mail.outbox[0].subject
