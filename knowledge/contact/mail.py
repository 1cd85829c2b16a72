"""Relaying a contact request to the contact person: the one place that sends.

Used by the form view, the admin's resend action and ``manage.py
send_contact_requests``. The request is saved before :func:`deliver` is called, so a
failure never loses it: it is marked failed, with the error, and sent again later.
"""

import logging
from email.utils import formataddr

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from knowledge.models import ContactRequest

logger = logging.getLogger(__name__)


class NoRecipientAddress(Exception):
    """The contact person is gone or has no e-mail address any more."""


def site_name():
    return getattr(settings, "WAGTAIL_SITE_NAME", "") or "Initiative K"


def build_message(contact_request):
    """The e-mail to the contact person, from DEFAULT_FROM_EMAIL with Reply-To the
    requester. Written in German (the site's first language; the contact persons are
    German municipalities) and naming the language the request was sent in."""
    recipient = contact_request.recipient
    if recipient is None or not recipient.email:
        raise NoRecipientAddress(_("Die Ansprechperson hat keine E-Mail-Adresse (mehr)."))
    page = contact_request.page
    page_url = page.get_full_url() if page is not None else None
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("[%(site)s] Kontaktanfrage zu „%(title)s“") % {
            "site": site_name(),
            "title": contact_request.page_title,
        }
        requester = contact_request.name
        if contact_request.organisation:
            requester = f"{requester} ({contact_request.organisation})"
        try:
            language = translation.get_language_info(contact_request.language)["name_translated"]
        except KeyError:
            language = contact_request.language
        lines = [
            _("Guten Tag %(name)s,") % {"name": recipient.name},
            "",
            _(
                "über die Website %(site)s hat %(requester)s Ihnen eine Nachricht zu Ihrem "
                "Praxisbeispiel „%(title)s“ geschickt."
            )
            % {"site": site_name(), "requester": requester, "title": contact_request.page_title},
        ]
        if page_url:
            lines.append(page_url)
        lines += [
            "",
            "-" * 60,
            contact_request.message,
            "-" * 60,
            "",
            _(
                "Antworten Sie einfach auf diese E-Mail: Ihre Antwort geht an %(email)s. "
                "Ihre eigene E-Mail-Adresse hat die anfragende Person nicht gesehen; sie "
                "erfährt sie erst, wenn Sie antworten."
            )
            % {"email": contact_request.email},
        ]
        if language and contact_request.language != settings.LANGUAGE_CODE:
            lines += [
                "",
                _("Die Anfrage wurde auf %(language)s gestellt.") % {"language": language},
            ]
        lines += [
            "",
            "-- ",
            _(
                "Diese Nachricht wurde über das Kontaktformular von %(site)s übermittelt. "
                "Die anfragende Person hat der Weiterleitung an Sie zugestimmt."
            )
            % {"site": site_name()},
        ]
    return EmailMessage(
        subject=subject,
        body="\n".join(lines),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[formataddr((recipient.name, recipient.email))],
        reply_to=[formataddr((contact_request.name, contact_request.email))],
    )


def deliver(contact_request):
    """Send one saved request; record the outcome on it. Returns True when sent.

    Never raises for a sending problem (mail server down, recipient without address):
    the request is marked failed with the error, logged, and can be sent again.
    """
    contact_request.attempts += 1
    try:
        build_message(contact_request).send(fail_silently=False)
    except Exception as error:  # any backend error: SMTP, socket, TLS, missing address
        logger.exception("Contact request %s could not be sent", contact_request.pk)
        contact_request.status = ContactRequest.Status.FAILED
        contact_request.last_error = f"{type(error).__name__}: {error}"[:2000]
        sent = False
    else:
        contact_request.status = ContactRequest.Status.SENT
        contact_request.sent_at = timezone.now()
        contact_request.last_error = ""
        sent = True
    contact_request.save(update_fields=["status", "attempts", "last_error", "sent_at"])
    return sent
