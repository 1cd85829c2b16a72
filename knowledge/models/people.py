from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    """A sponsor, partner or vendor."""

    class Kind(models.TextChoices):
        SPONSOR = "sponsor", _("Förderer")
        PARTNER = "partner", _("Partner")
        VENDOR = "vendor", _("Dienstleister/Hersteller")
        PUBLIC = "public", _("Öffentliche Einrichtung")

    name = models.CharField(_("Name"), max_length=200)
    kind = models.CharField(_("Art"), max_length=10, choices=Kind.choices, default=Kind.PARTNER)
    description = models.TextField(_("Beschreibung"), blank=True)
    website = models.URLField(_("Website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("website"),
        FieldPanel("logo"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]
    # wagtail-localize: names are proper names; the description is translated.
    translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("kind", overridable=False),
        TranslatableField("description"),
        SynchronizedField("website"),
        SynchronizedField("logo"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Organisation")
        verbose_name_plural = _("Organisationen")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Person(TranslatableMixin, index.Indexed, models.Model):
    """A speaker, contact or greeter. The e-mail address is internal and never shown."""

    name = models.CharField(_("Name"), max_length=150)
    role = models.CharField(
        _("Funktion"),
        max_length=150,
        blank=True,
        help_text=_("z. B. „Digitalisierungsbeauftragte“, „Bürgermeister“"),
    )
    municipality = models.ForeignKey(
        "knowledge.Region",
        verbose_name=_("Kommune"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
        limit_choices_to={"level__in": ["gemeinde", "kreis"]},
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("Organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    email = models.EmailField(
        _("E-Mail (intern)"),
        blank=True,
        help_text=_("Wird nie veröffentlicht; nur für Kontaktanfragen über die Website."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        MultiFieldPanel(
            [FieldPanel("municipality"), FieldPanel("organisation")], heading=_("Zugehörigkeit")
        ),
        FieldPanel("photo"),
        FieldPanel("email"),
    ]
    # The e-mail address is deliberately not indexed.
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("role"),
        index.FilterField("locale"),
    ]
    # wagtail-localize: the role is translated, everything else is the same person (the
    # internal e-mail address is never offered to translators).
    translatable_fields = [
        SynchronizedField("name"),
        TranslatableField("role"),
        SynchronizedField("municipality", overridable=False),
        TranslatableField("organisation"),
        SynchronizedField("photo"),
        SynchronizedField("email", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Person")
        verbose_name_plural = _("Personen")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def affiliation(self):
        """Public affiliation: municipality, else organisation."""
        if self.municipality_id:
            return self.municipality.short_name
        if self.organisation_id:
            return self.organisation.name
        return ""
