"""The contact form of a case study, on its own URL so the case study page stays cacheable.

GET shows the form, POST validates, saves and relays it (``mail.deliver``), then
redirects to the confirmation (POST-redirect-GET). Spam: a filled honeypot is answered
like a success but nothing is stored or sent (a bot learns nothing); more than
``CONTACT_RATE_LIMIT`` accepted requests per client and window get a 429.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale

from home.models import SiteSettings
from home.queries import MAX_PAGE_ID
from knowledge.models import CaseStudyPage, ContactRequest

from . import spam
from .forms import ContactForm
from .mail import deliver

logger = logging.getLogger(__name__)

DELAYED = "spaeter"


def contactable_case_studies():
    """Live, public case studies whose contact person has an address to relay to."""
    return (
        CaseStudyPage.objects.live()
        .public()
        .filter(contact_person__isnull=False)
        .exclude(contact_person__email="")
        .select_related("locale", "contact_person__municipality", "contact_person__organisation")
    )


def get_case_study(page_id):
    page = None
    if page_id <= MAX_PAGE_ID:
        page = contactable_case_studies().filter(pk=page_id).first()
    if page is None:
        raise Http404(_("Zu diesem Praxisbeispiel gibt es kein Kontaktformular."))
    return page


def translated_redirect(request, page, url_name):
    """The same form in the active language's translation of the case study, if any."""
    language = translation.get_language()
    if page.locale.language_code == language:
        return None
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return None
    other = (
        contactable_case_studies()
        .filter(translation_key=page.translation_key, locale=locale)
        .first()
    )
    if other is None:
        return None
    return redirect(reverse(url_name, args=[other.pk]) + _query(request))


def _query(request):
    query = request.GET.urlencode()
    return f"?{query}" if query else ""


def privacy_page(request):
    """The Datenschutz page of the site settings (in the active language if translated)."""
    settings_ = SiteSettings.for_request(request)
    page = settings_.privacy_page if settings_.privacy_page_id else None
    if page is None or not page.live:
        return None
    return page.localized


def consent_help(person):
    return _(
        "Wir speichern Ihre Angaben (Name, Organisation, E-Mail-Adresse, Nachricht) und "
        "leiten sie per E-Mail an %(person)s weiter, damit Sie direkt eine Antwort "
        "bekommen. Nach %(days)s Tagen löschen wir die Anfrage automatisch. Sie können "
        "Ihre Einwilligung jederzeit widerrufen."
    ) % {"person": person.name, "days": settings.CONTACT_REQUEST_RETENTION_DAYS}


def _render(request, page, form, status=200, **extra):
    context = {
        "case_study": page,
        "contact_person": page.contact_person,
        "form": form,
        "privacy_page": privacy_page(request),
        "retention_days": settings.CONTACT_REQUEST_RETENTION_DAYS,
        **extra,
    }
    return render(request, "knowledge/contact/contact_form.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
@transaction.non_atomic_requests  # the request must be committed before it is sent
def contact_form(request, page_id):
    page = get_case_study(page_id)
    if response := translated_redirect(request, page, "contact:form"):
        return response
    person = page.contact_person
    if request.method != "POST":
        return _render(request, page, ContactForm(consent_help=consent_help(person)))

    form = ContactForm(request.POST, consent_help=consent_help(person))
    if spam.is_limited(request):
        response = _render(request, page, form, status=429, rate_limited=True)
        response["Retry-After"] = str(spam.retry_after())
        return response
    if form.is_spam:
        spam.count(request)
        logger.info("Contact form for page %s: honeypot filled, nothing stored", page.pk)
        return redirect("contact:thanks", page_id=page.pk)
    if not form.is_valid():
        return _render(request, page, form)

    spam.count(request)
    data = form.cleaned_data
    contact_request = ContactRequest.objects.create(
        page=page,
        page_title=page.title,
        recipient=person,
        name=data["name"],
        organisation=data["organisation"],
        email=data["email"],
        message=data["message"],
        consent_at=timezone.now(),
        language=translation.get_language() or settings.LANGUAGE_CODE,
    )
    url = reverse("contact:thanks", kwargs={"page_id": page.pk})
    if not deliver(contact_request):
        url += f"?zustellung={DELAYED}"
    return redirect(url)


@never_cache
@require_http_methods(["GET", "HEAD"])
def contact_thanks(request, page_id):
    page = get_case_study(page_id)
    if response := translated_redirect(request, page, "contact:thanks"):
        return response
    context = {
        "case_study": page,
        "contact_person": page.contact_person,
        "delayed": request.GET.get("zustellung") == DELAYED,
        "retention_days": settings.CONTACT_REQUEST_RETENTION_DAYS,
    }
    return render(request, "knowledge/contact/contact_thanks.html", context)
