from django.db import models
from django.utils.translation import gettext_lazy as _


class UnansweredQuery(models.Model):
    """A search that found nothing, counted per language: the editors' to-do list.

    Wagtail's search promotions log every query (``Query.add_hit``) but not whether it
    found anything; this table keeps the ones that did not.
    """

    query = models.ForeignKey(
        "wagtailsearchpromotions.Query",
        verbose_name=_("Suchbegriff"),
        on_delete=models.CASCADE,
        related_name="unanswered",
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale", verbose_name=_("Sprache"), on_delete=models.CASCADE
    )
    count = models.PositiveIntegerField(_("Anzahl"), default=0)
    last_searched_at = models.DateTimeField(_("Zuletzt gesucht"), auto_now=True)

    class Meta:
        verbose_name = _("Suche ohne Treffer")
        verbose_name_plural = _("Suchen ohne Treffer")
        constraints = [
            models.UniqueConstraint(fields=["query", "locale"], name="unique_unanswered_query")
        ]

    def __str__(self):
        return self.query.query_string
