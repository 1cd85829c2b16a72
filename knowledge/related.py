"""Related content of case studies and learnings ("Verwandte Inhalte").

Other live case studies of the same language are scored by what they share with the
page: an OZG-Leistung weighs more than any number of Themenfelder, a Themenfeld more
than the place, the same municipality more than the same Kreis, the Kreis more than the
Land. Each result says why it is related. The whole computation is a fixed number of
queries, whatever the number of candidates: the restricted sections (one query), the
scored candidates (one query, the counts are subqueries) and the winners' Themenfelder
and OZG-Leistungen (two prefetch queries).
"""

from dataclasses import dataclass, field

from django.db.models import Case, Count, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import PageViewRestriction

LIMIT = 6
# Lexicographic in effect: at most 14 Themenfelder (14 * 20 < 1000), the place adds 1-3.
WEIGHT_LEISTUNG = 1000
WEIGHT_THEMENFELD = 20
PLACE_MUNICIPALITY, PLACE_KREIS, PLACE_LAND = 3, 2, 1


@dataclass
class Related:
    """A related page and the reasons, in the order of their weight."""

    page: object
    score: int
    reasons: list = field(default_factory=list)


def restricted_q(prefix=""):
    """A ``Q`` matching pages in a private section (login, password, groups); one query.

    ``prefix`` is the path to the page from the queried model (``"page__"`` for an
    orderable). Matches nothing when no section is private.
    """
    q = Q()
    for path in PageViewRestriction.objects.values_list("page__path", flat=True):
        q |= Q(**{f"{prefix}path__startswith": path})
    return q if q else Q(pk__in=[])


def _count(queryset, fk):
    """The number of rows of ``queryset`` pointing at the outer page (0 if none)."""
    return Coalesce(
        Subquery(
            queryset.filter(**{fk: OuterRef("pk")})
            .order_by()
            .values(fk)
            .annotate(n=Count("pk"))
            .values("n")[:1],
            output_field=IntegerField(),
        ),
        0,
    )


def _names(items):
    return ", ".join(str(item.label) for item in items)


def related_case_studies(
    locale_id, *, exclude_ids=(), leistungen=(), themenfelder=(), region=None, limit=LIMIT
):
    """Live case studies of ``locale_id`` related by Leistung, Themenfeld or place.

    ``leistungen`` and ``themenfelder`` are loaded objects (their labels make the
    reasons), ``region`` the page's region with ``land`` and ``kreis`` loaded (or None).
    Returns up to ``limit`` :class:`Related`, best first.
    """
    from knowledge.models import CaseStudyLeistung, CaseStudyPage

    leistung_ids = [item.pk for item in leistungen]
    themenfeld_ids = [item.pk for item in themenfelder]
    municipality_id = region.pk if region is not None else None
    kreis_id = region.kreis_id if region is not None else None
    land_id = region.land_id if region is not None else None
    if not (leistung_ids or themenfeld_ids or land_id):
        return []

    through = CaseStudyPage.themenfelder.through
    shared_leistungen = CaseStudyLeistung.objects.filter(leistung_id__in=leistung_ids)
    shared_themenfelder = through.objects.filter(themenfeld_id__in=themenfeld_ids)
    place = []
    if municipality_id:
        place.append(When(municipality_id=municipality_id, then=Value(PLACE_MUNICIPALITY)))
    if kreis_id:
        place.append(When(kreis_id=kreis_id, then=Value(PLACE_KREIS)))
    if land_id:
        place.append(When(land_id=land_id, then=Value(PLACE_LAND)))
    candidates = Q(pk__in=[])
    if leistung_ids:
        candidates |= Q(pk__in=shared_leistungen.values("page_id"))
    if themenfeld_ids:
        candidates |= Q(pk__in=shared_themenfelder.values("casestudypage_id"))
    if land_id:
        candidates |= Q(land_id=land_id)
    if municipality_id:
        candidates |= Q(municipality_id=municipality_id)

    pages = (
        CaseStudyPage.objects.live()
        .filter(locale_id=locale_id)
        .filter(candidates)
        .exclude(pk__in=list(exclude_ids))
        .exclude(restricted_q())
        .annotate(
            n_leistungen=_count(shared_leistungen, "page_id")
            if leistung_ids
            else Value(0, output_field=IntegerField()),
            n_themenfelder=_count(shared_themenfelder, "casestudypage_id")
            if themenfeld_ids
            else Value(0, output_field=IntegerField()),
            place=Case(*place, default=Value(0), output_field=IntegerField())
            if place
            else Value(0, output_field=IntegerField()),
        )
        .annotate(
            score=WEIGHT_LEISTUNG * Coalesce("n_leistungen", 0)
            + WEIGHT_THEMENFELD * Coalesce("n_themenfelder", 0)
            + Coalesce("place", 0)
        )
        .filter(score__gt=0)
        .select_related("municipality__land", "municipality__kreis", "land", "kreis")
        .prefetch_related("themenfelder", "ozg_leistungen")
        .order_by("-score", "-first_published_at", "-pk")[:limit]
    )
    leistungen_by_id = {item.pk: item for item in leistungen}
    themenfelder_by_id = {item.pk: item for item in themenfelder}
    results = []
    for page in pages:
        reasons = []
        same_leistungen = [
            leistungen_by_id[link.leistung_id]
            for link in page.ozg_leistungen.all()
            if link.leistung_id in leistungen_by_id
        ]
        if same_leistungen:
            reasons.append(
                ngettext(
                    "gleiche OZG-Leistung: %(names)s",
                    "gleiche OZG-Leistungen: %(names)s",
                    len(same_leistungen),
                )
                % {"names": _names(same_leistungen)}
            )
        same_themenfelder = [
            themenfelder_by_id[tf.pk]
            for tf in page.themenfelder.all()
            if tf.pk in themenfelder_by_id
        ]
        if same_themenfelder:
            reasons.append(
                ngettext(
                    "gleiches Themenfeld: %(names)s",
                    "gemeinsame Themenfelder: %(names)s",
                    len(same_themenfelder),
                )
                % {"names": _names(same_themenfelder)}
            )
        if page.place == PLACE_MUNICIPALITY:
            reasons.append(_("gleiche Kommune: %(name)s") % {"name": region.display_name})
        elif page.place == PLACE_KREIS:
            reasons.append(_("gleicher Kreis: %(name)s") % {"name": region.kreis.display_name})
        elif page.place == PLACE_LAND:
            reasons.append(_("gleiches Land: %(name)s") % {"name": region.land.display_name})
        results.append(Related(page=page, score=page.score, reasons=reasons))
    return results


def for_case_study(page, *, leistungen, themenfelder, region):
    """Case studies related to the case study ``page`` (itself excluded)."""
    return related_case_studies(
        page.locale_id,
        exclude_ids=[page.pk] if page.pk else [],
        leistungen=leistungen,
        themenfelder=themenfelder,
        region=region,
    )


def for_learning(page, *, themenfelder, region, explicit=()):
    """Case studies related to the learning ``page`` by its Themenfelder and place, the
    ones its editors linked (``explicit``, shown on their own) excluded."""
    return related_case_studies(
        page.locale_id,
        exclude_ids=[case_study.pk for case_study in explicit],
        themenfelder=themenfelder,
        region=region,
    )
