from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from home.blocks import BodyBlock

from .mixins import BasePage, SourceMixin


class HomePage(BasePage):
    """Start page of a locale's tree.

    The latest case studies, next events and recent learnings are rendered by the
    ``knowledge`` and ``events`` apps' template tags, so that ``home`` depends on
    neither of them.
    """

    intro = models.TextField(_("Einleitung"), max_length=500, blank=True)
    body = RichTextField(_("Text"), blank=True, features=["bold", "italic", "link"])

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["knowledge.KnowledgeIndexPage", "events.EventIndexPage", "home.StandardPage"]

    class Meta:
        verbose_name = _("Startseite")
        verbose_name_plural = _("Startseiten")


class StandardPage(SourceMixin, BasePage):
    """Impressum, Datenschutzerklärung, Erklärung zur Barrierefreiheit, Über uns."""

    intro = models.TextField(_("Einleitung"), max_length=500, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("Inhalt"), blank=True)
    show_data_sources = models.BooleanField(
        _("Quellenangaben der Referenzdaten anzeigen"),
        default=False,
        help_text=_("Für das Impressum: zeigt die Quellen der Regions- und OZG-Daten."),
    )

    content_panels = (
        BasePage.content_panels
        + [
            FieldPanel("intro"),
            FieldPanel("body"),
            FieldPanel("show_data_sources"),
        ]
        + SourceMixin.source_panels
    )

    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("Standardseite")
        verbose_name_plural = _("Standardseiten")
