"""Controlled vocabularies loaded from public data (``manage.py load_reference_data``).

Editors never type these: regions come from Destatis' Gemeindeverzeichnis, the OZG
catalogue from the OZG-Umsetzungskatalog with its LeiKa mapping (see ``data/SOURCES.md``).
"""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from knowledge.labels import localized_name
from knowledge.text import fold


class Region(models.Model):
    """A Land, Kreis or Gemeinde, keyed by its official key (2, 5 or 8 digits of the AGS).

    ``land`` and ``kreis`` point at the enclosing regions (a Land points at itself, a
    Kreis at itself as ``kreis``), so that "everything in Bayern" is one filter on any
    level.
    """

    class Level(models.TextChoices):
        LAND = "land", _("Land")
        KREIS = "kreis", _("Kreis")
        GEMEINDE = "gemeinde", _("Gemeinde")

    KIND_LABELS = {
        "KREISANGEHOERIGE_GEMEINDE": _("kreisangehörige Gemeinde"),
        "STADT": _("Stadt"),
        "MARKT": _("Markt"),
        "GROSSE_KREISSTADT": _("Große Kreisstadt"),
        "KREISFREIE_STADT": _("kreisfreie Stadt"),
        "STADTKREIS": _("Stadtkreis"),
        "LANDKREIS": _("Landkreis"),
        "KREIS": _("Kreis"),
        "REGIONALVERBAND": _("Regionalverband"),
        "GEMEINDEFREIES_GEBIET_BEWOHNT": _("gemeindefreies Gebiet (bewohnt)"),
        "GEMEINDEFREIES_GEBIET_UNBEWOHNT": _("gemeindefreies Gebiet (unbewohnt)"),
    }

    KREISFREI = ("KREISFREIE_STADT", "STADTKREIS")

    code = models.CharField(_("Schlüssel (AGS)"), max_length=8, primary_key=True)
    level = models.CharField(_("Ebene"), max_length=8, choices=Level.choices, db_index=True)
    name = models.CharField(_("Amtlicher Name"), max_length=150)
    short_name = models.CharField(_("Name"), max_length=150, db_index=True)
    search_name = models.CharField(max_length=150, db_index=True, editable=False)
    kind = models.CharField(_("Typ"), max_length=40, blank=True)
    land = models.ForeignKey(
        "self",
        verbose_name=_("Land"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
    )
    kreis = models.ForeignKey(
        "self",
        verbose_name=_("Kreis"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    ars = models.CharField(_("Regionalschlüssel (ARS)"), max_length=12, blank=True)
    population = models.PositiveIntegerField(_("Einwohner"), null=True, blank=True)
    area_ha = models.PositiveIntegerField(_("Fläche (ha)"), null=True, blank=True)
    postcode = models.CharField(_("PLZ"), max_length=5, blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)

    class Meta:
        verbose_name = _("Region")
        verbose_name_plural = _("Regionen")
        ordering = ["code"]

    def __str__(self):
        return self.label

    @property
    def label(self):
        """A name that tells apart the several "Neustadt"s: name, Kreis and Land."""
        if self.level == self.Level.LAND:
            return self.display_name
        parts = []
        if self.level == self.Level.GEMEINDE:
            if self.kind in self.KREISFREI:
                parts.append(_("kreisfrei"))
            elif self.kreis_id:
                parts.append(self.kreis.short_name)
        if self.land_id:
            parts.append(self.land.display_name)
        return (
            f"{self.short_name} ({', '.join(str(p) for p in parts)})" if parts else self.short_name
        )

    @property
    def display_name(self):
        """The short name in the active language: a Land has an English name (catalogue
        labels); Kreise and Gemeinden are proper names and stay as they are."""
        if self.level == self.Level.LAND:
            return localized_name(CatalogueLabel.Kind.LAND, self.code, self.short_name)
        return self.short_name

    @property
    def is_kreisfrei(self):
        """A kreisfreie Stadt (or Stadtkreis): Gemeinde and Kreis at once."""
        return self.kind in self.KREISFREI

    @property
    def kind_label(self):
        return self.KIND_LABELS.get(self.kind, self.kind)

    def save(self, *args, **kwargs):
        self.search_name = fold(self.short_name)
        super().save(*args, **kwargs)

    @classmethod
    def municipal(cls):
        """Regions a page can be attached to: Gemeinden and Kreise.

        A kreisfreie Stadt is both a Kreis and a Gemeinde in the register; only its
        Gemeinde entry is offered, so editors do not see it twice.
        """
        return cls.objects.filter(level=cls.Level.GEMEINDE) | cls.objects.filter(
            level=cls.Level.KREIS
        ).exclude(kind__in=cls.KREISFREI)


class Themenfeld(models.Model):
    kdn_id = models.PositiveSmallIntegerField(_("Nummer (KDN)"), unique=True)
    name = models.CharField(_("Name"), max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    class Meta:
        verbose_name = _("OZG-Themenfeld")
        verbose_name_plural = _("OZG-Themenfelder")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def label(self):
        """The name in the active language (see :class:`CatalogueLabel`)."""
        return localized_name(CatalogueLabel.Kind.THEMENFELD, self.kdn_id, self.name)

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name.replace("&", "und"))
        super().save(*args, **kwargs)


class Lebenslage(models.Model):
    """A Lebens- or Geschäftslage of the OZG catalogue."""

    kdn_id = models.PositiveSmallIntegerField(_("Nummer (KDN)"), unique=True)
    name = models.CharField(_("Name"), max_length=150)
    themenfeld = models.ForeignKey(
        Themenfeld,
        verbose_name=_("Themenfeld"),
        on_delete=models.PROTECT,
        related_name="lebenslagen",
    )

    class Meta:
        verbose_name = _("Lebens-/Geschäftslage")
        verbose_name_plural = _("Lebens-/Geschäftslagen")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def label(self):
        return localized_name(CatalogueLabel.Kind.LEBENSLAGE, self.kdn_id, self.name)


class Leistung(models.Model):
    """An OZG-Leistung (service bundle), keyed by its OZG-ID."""

    ozg_id = models.PositiveIntegerField(_("OZG-ID"), primary_key=True)
    name = models.CharField(_("Name"), max_length=255)
    search_name = models.CharField(max_length=255, db_index=True, editable=False)
    lebenslage = models.ForeignKey(
        Lebenslage,
        verbose_name=_("Lebens-/Geschäftslage"),
        on_delete=models.PROTECT,
        related_name="leistungen",
    )
    themenfeld = models.ForeignKey(
        Themenfeld,
        verbose_name=_("Themenfeld"),
        on_delete=models.PROTECT,
        related_name="leistungen",
    )

    class Meta:
        verbose_name = _("OZG-Leistung")
        verbose_name_plural = _("OZG-Leistungen")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.ozg_id})"

    @property
    def label(self):
        return localized_name(CatalogueLabel.Kind.LEISTUNG, self.ozg_id, self.name)

    def save(self, *args, **kwargs):
        self.search_name = fold(self.name)
        super().save(*args, **kwargs)


class LeikaLeistung(models.Model):
    """A LeiKa service mapped to an OZG-Leistung (``key`` is empty when not in LeiKa)."""

    key = models.CharField(_("LeiKa-Schlüssel"), max_length=14, blank=True, db_index=True)
    name = models.CharField(_("Bezeichnung"), max_length=400)
    leistung = models.ForeignKey(
        Leistung,
        verbose_name=_("OZG-Leistung"),
        on_delete=models.CASCADE,
        related_name="leika_leistungen",
    )

    class Meta:
        verbose_name = _("LeiKa-Leistung")
        verbose_name_plural = _("LeiKa-Leistungen")
        constraints = [
            models.UniqueConstraint(fields=["leistung", "key", "name"], name="unique_leika_mapping")
        ]

    def __str__(self):
        return f"{self.name} ({self.key or _('nicht im LeiKa')})"


class CatalogueLabel(TranslatableMixin, models.Model):
    """The name of a Land, OZG-Themenfeld, Lebens-/Geschäftslage or OZG-Leistung in one
    language: the snippet editors translate with wagtail-localize.

    The catalogue rows themselves (:class:`Themenfeld`, :class:`Leistung`, …) exist once,
    whatever the language, so that every page, filter and facet refers to the same ids;
    their German names come from the public data. ``load_reference_data`` keeps one German
    label per row (the translation source) and never touches a translation, so the
    translations stay in wagtail-localize's hands: when a German name changes, the editors
    see it in the translation editor ("Übersetzungen synchronisieren") and update the
    English one. Templates show ``label`` (``display_name`` for regions), which reads the
    label of the active language and falls back to the German name.
    """

    class Kind(models.TextChoices):
        LAND = "land", _("Land")
        THEMENFELD = "themenfeld", _("OZG-Themenfeld")
        LEBENSLAGE = "lebenslage", _("Lebens-/Geschäftslage")
        LEISTUNG = "leistung", _("OZG-Leistung")

    kind = models.CharField(_("Art"), max_length=12, choices=Kind.choices)
    key = models.CharField(
        _("Schlüssel"),
        max_length=8,
        help_text=_("Landesschlüssel, KDN-Nummer des Themenfelds bzw. der Lage oder OZG-ID"),
    )
    name = models.CharField(_("Bezeichnung"), max_length=255)

    # The kind and key say *what* is named: the same in every language.
    translatable_fields = [
        SynchronizedField("kind", overridable=False),
        SynchronizedField("key", overridable=False),
        TranslatableField("name"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Katalog-Bezeichnung")
        verbose_name_plural = _("Katalog-Bezeichnungen")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "key", "locale"], name="unique_catalogue_label_per_locale"
            )
        ]

    def __str__(self):
        return self.name
