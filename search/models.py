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


class SearchDocument(models.Model):
    """One narrow row per searchable page: what the faceted search filters and counts.

    Written by :mod:`search.documents` whenever the German database backend indexes or
    removes a page (and on publishing), never edited. Codes, not foreign keys: the row
    is a copy of the page's facts, the labels are looked up when a search shows them.
    ``object_key`` is the page id as the search index stores it (``IndexEntry.object_id``
    is text), so that the full-text match joins this table on the index's own key.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+"
    )
    object_key = models.CharField(max_length=50)
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    live = models.BooleanField()
    kind = models.CharField(max_length=12)
    land = models.CharField(max_length=2, blank=True)
    kreis = models.CharField(max_length=5, blank=True)
    ags = models.CharField(max_length=8, blank=True)
    date = models.DateTimeField(null=True)
    year = models.SmallIntegerField(null=True)
    status = models.CharField(max_length=12, blank=True)
    themenfelder = models.CharField(max_length=200, blank=True)  # ids: "3 7"
    ozg = models.CharField(max_length=2000, blank=True)  # OZG-IDs: "10173 10446"
    summary = models.TextField(blank=True)  # teaser text, intro or search description

    class Meta:
        indexes = [
            models.Index(fields=["locale", "live"], name="search_doc_locale_live"),
            models.Index(fields=["content_type", "object_key"], name="search_doc_index_key"),
        ]

    def __str__(self):
        return f"{self.kind} {self.page_id}"
