import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ContactRequestQuerySet(models.QuerySet):
    def due_for_delivery(self, *, stale_after, max_attempts):
        """Failed requests, and new ones left unsent for longer than ``stale_after``
        (a process that died between saving and sending)."""
        stale = timezone.now() - stale_after
        return self.filter(
            models.Q(status=ContactRequest.Status.FAILED)
            | models.Q(status=ContactRequest.Status.NEW, created_at__lt=stale),
            attempts__lt=max_attempts,
        )

    def expired(self, days):
        return self.filter(created_at__lt=timezone.now() - datetime.timedelta(days=days))


class ContactRequest(models.Model):
    """A visitor's message to the contact person of a case study, relayed by e-mail.

    Saved before sending, so that nothing is lost when the mail server is down
    (``knowledge.contact.mail.deliver`` sends and records the outcome). Stores no IP
    address; deleted after ``CONTACT_REQUEST_RETENTION_DAYS`` by
    ``manage.py send_contact_requests``.
    """

    class Status(models.TextChoices):
        NEW = "new", _("Neu")
        SENT = "sent", _("Gesendet")
        FAILED = "failed", _("Fehlgeschlagen")

    page = models.ForeignKey(
        "knowledge.CaseStudyPage",
        verbose_name=_("Praxisbeispiel"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contact_requests",
    )
    page_title = models.CharField(_("Titel des Praxisbeispiels"), max_length=255)
    recipient = models.ForeignKey(
        "knowledge.Person",
        verbose_name=_("Empfänger:in"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contact_requests",
    )
    name = models.CharField(_("Name"), max_length=150)
    organisation = models.CharField(_("Organisation oder Kommune"), max_length=200, blank=True)
    email = models.EmailField(_("E-Mail-Adresse"), max_length=254)
    message = models.TextField(_("Nachricht"))
    consent_at = models.DateTimeField(_("Einwilligung erteilt am"))
    language = models.CharField(_("Sprache"), max_length=10)
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("Zustellversuche"), default=0)
    last_error = models.TextField(_("Letzter Fehler"), blank=True)
    sent_at = models.DateTimeField(_("Gesendet am"), null=True, blank=True)
    created_at = models.DateTimeField(_("Eingegangen am"), default=timezone.now, db_index=True)

    objects = ContactRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("Kontaktanfrage")
        verbose_name_plural = _("Kontaktanfragen")
        ordering = ["-created_at", "-pk"]
        permissions = [("resend_contactrequest", _("Kann Kontaktanfragen erneut senden"))]

    def __str__(self):
        return f"{self.name}: {self.page_title}"

    @property
    def recipient_name(self):
        return self.recipient.name if self.recipient_id else ""
