from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Footer links to the legal pages and the sponsor line."""

    imprint_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Impressum"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Datenschutzerklärung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Erklärung zur Barrierefreiheit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    footer_text = models.CharField(_("Fußzeilentext"), max_length=300, blank=True)
    sponsor_name = models.CharField(_("Förderer"), max_length=120, blank=True)
    sponsor_url = models.URLField(_("Website des Förderers"), blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("imprint_page"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
            ],
            heading=_("Pflichtseiten"),
        ),
        FieldPanel("footer_text"),
        MultiFieldPanel(
            [FieldPanel("sponsor_name"), FieldPanel("sponsor_url")], heading=_("Förderer")
        ),
    ]

    class Meta:
        verbose_name = _("Website-Einstellungen")
