"""Abstract building blocks of every page type.

The rule, written down once: every page type of the site inherits :class:`BasePage`,
which is assembled from small abstract mixins. Each mixin carries its own fields *and*
its own panels, so a page type lists its panels as
``BasePage.content_panels + [...]`` and gets teaser and SEO fields for free.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page


class TeaserMixin(models.Model):
    """Short text and image used wherever the page is listed (cards, teasers)."""

    teaser_text = models.TextField(
        _("Teasertext"),
        max_length=300,
        blank=True,
        help_text=_("Zwei, drei Sätze für Übersichten und Karten (max. 300 Zeichen)."),
    )
    teaser_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Teaserbild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    teaser_panels = [
        MultiFieldPanel(
            [FieldPanel("teaser_text"), FieldPanel("teaser_image")], heading=_("Teaser")
        )
    ]

    class Meta:
        abstract = True


class SEOMixin(models.Model):
    """Search engine and social sharing fields on top of Wagtail's ``seo_title``."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Bild für soziale Medien"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Wenn leer, wird das Teaserbild verwendet."),
    )
    noindex = models.BooleanField(_("Nicht von Suchmaschinen indexieren"), default=False)

    seo_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
                FieldPanel("social_image"),
                FieldPanel("noindex"),
            ],
            heading=_("Suchmaschinen und soziale Medien"),
        )
    ]

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or getattr(self, "teaser_text", "")

    def get_social_image(self):
        return self.social_image or getattr(self, "teaser_image", None)


class SourceMixin(models.Model):
    """Where a text came from when it is not our own (e.g. CC BY texts)."""

    source_url = models.URLField(_("Quelle (URL)"), blank=True, max_length=500)
    source_license = models.CharField(
        _("Lizenz der Quelle"),
        blank=True,
        max_length=255,
        help_text=_("z. B. „CC BY 4.0 (Open Knowledge Foundation Deutschland e.V.)“"),
    )

    source_panels = [
        MultiFieldPanel(
            [FieldPanel("source_url"), FieldPanel("source_license")],
            heading=_("Quelle und Lizenz des Textes"),
        )
    ]

    class Meta:
        abstract = True


class BasePage(TeaserMixin, SEOMixin, Page):
    """The abstract parent of every page type of the site."""

    content_panels = Page.content_panels
    promote_panels = (
        TeaserMixin.teaser_panels
        + SEOMixin.seo_panels
        + [MultiFieldPanel([FieldPanel("show_in_menus")], heading=_("Navigation"))]
    )

    class Meta:
        abstract = True
