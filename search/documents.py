"""Search documents: the facts of each searchable page in one narrow row.

The faceted search needs, for every page that matches a query, its type, Land, Kreis,
Gemeinde, date, status, Themenfelder and OZG-Leistungen. Taken from the page tables,
that is a join over four page types (and, for a recording, its parent event) in every
facet's query. :class:`~search.models.SearchDocument` keeps one row per page instead,
so that one SQL statement returns all matches of a query with their facts, and the
facets are counted from those rows (:mod:`search.query`).

The rows follow the search index: the German database backends call :func:`sync` for
every page they index or remove (publishing, unpublishing, saving a live page,
``update_index``, the importer; with Elasticsearch configured, the database backend
stays configured beside it and keeps the rows). :func:`on_page_published` indexes a
published page once more: its Themenfelder and OZG-Leistungen are kept by modelcluster
and written after the ``post_save`` on which the index updates, so that both the index
and the document would otherwise miss an edit of them. An event takes its recordings
along: they inherit its region and date.

``manage.py update_index`` rebuilds the documents with the index; ``migrate`` fills
them once for a database that has pages but no documents yet (:func:`fill_if_empty`: a
site deployed before the documents existed).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Page

BATCH = 500
PUBLISHED_UID = "ik_search_documents_published"


def _page_types():
    from search.query import TYPES

    return TYPES


def _with_recordings(ids):
    """``ids`` plus the recordings below any event among them."""
    from events.models import EventPage, RecordingPage

    ids = set(ids)
    events = EventPage.objects.filter(pk__in=ids).values_list("path", "depth")
    for path, depth in events:
        ids.update(
            RecordingPage.objects.filter(path__startswith=path, depth=depth + 1).values_list(
                "pk", flat=True
            )
        )
    return ids


def _split(value):
    return " ".join(str(v) for v in sorted(value))


def sync(page_ids, using=None):
    """Rewrite the documents of ``page_ids`` (removing those of pages that are gone or
    not searchable)."""
    from search.models import SearchDocument

    ids = sorted(_with_recordings(int(i) for i in page_ids))
    for start in range(0, len(ids), BATCH):
        _sync_batch(SearchDocument, ids[start : start + BATCH], using)


def _sync_batch(model, ids, using):
    from knowledge.models import CaseStudyLeistung
    from search.query import annotate_facts, summary_expression

    types = _page_types()
    content_types = ContentType.objects.get_for_models(*types.values())
    kind_of = {content_types[m].pk: name for name, m in types.items()}
    pages = Page.objects.using(using).filter(pk__in=ids).type(*types.values())
    rows = list(
        annotate_facts(pages)
        .annotate(f_summary=summary_expression())
        .values_list(
            "pk",
            "content_type_id",
            "locale_id",
            "live",
            "f_land",
            "f_kreis",
            "f_ags",
            "f_date",
            "f_year",
            "casestudypage__status",
            "f_summary",
        )
    )
    found = [row[0] for row in rows]
    themen = {}
    for page_model in (types["case_study"], types["learning"]):
        column = f"{page_model._meta.model_name}_id"
        through = page_model.themenfelder.through.objects.using(using)
        for page_id, themenfeld_id in through.filter(**{f"{column}__in": found}).values_list(
            column, "themenfeld_id"
        ):
            themen.setdefault(page_id, set()).add(themenfeld_id)
    ozg = {}
    for page_id, leistung_id in (
        CaseStudyLeistung.objects.using(using)
        .filter(page_id__in=found)
        .values_list("page_id", "leistung_id")
    ):
        ozg.setdefault(page_id, set()).add(leistung_id)
    documents = [
        model(
            page_id=pk,
            content_type_id=content_type_id,
            object_key=str(pk),
            locale_id=locale_id,
            live=live,
            kind=kind_of.get(content_type_id, ""),
            land=land or "",
            kreis=kreis or "",
            ags=ags or "",
            date=date,
            year=year,
            status=status or "",
            themenfelder=_split(themen.get(pk, ())),
            ozg=_split(ozg.get(pk, ())),
            summary=summary or "",
        )
        for (
            pk,
            content_type_id,
            locale_id,
            live,
            land,
            kreis,
            ags,
            date,
            year,
            status,
            summary,
        ) in rows
    ]
    with transaction.atomic(using=using):
        model.objects.using(using).filter(page_id__in=ids)._raw_delete(using or "default")
        model.objects.using(using).bulk_create(documents)


def on_page_published(sender, instance, **kwargs):
    """``page_published``: the page's relations are written now. Index it once more
    (the index's ``post_save`` ran before they were), which rewrites its document."""
    if isinstance(instance, tuple(_page_types().values())):
        from modelsearch import index

        index.insert_or_update_object(instance)


def on_page_unpublished(sender, instance, **kwargs):
    if isinstance(instance, tuple(_page_types().values())):
        sync([instance.pk])


def fill_if_empty(using="default", **kwargs):
    """``post_migrate``: write the documents of every searchable page if there are none
    at all (two cheap queries otherwise)."""
    from search.models import SearchDocument

    if SearchDocument.objects.using(using).exists():
        return
    ids = list(Page.objects.using(using).type(*_page_types().values()).values_list("pk", flat=True))
    if ids:
        sync(ids, using=using)
