"""What a municipality profile shows, as plain functions (testable without HTTP).

A profile belongs to a Gemeinde (8-digit AGS) or a Kreis (5 digits); a Kreis profile
also shows what its Gemeinden contributed. Only live, public pages of the given locale
count. Every function costs a fixed number of queries, whatever the number of pages,
people or regions involved.

The events app is reached through the app registry: ``knowledge`` does not import
``events`` (see DESIGN.md, dependencies point one way).
"""

import math
import re
from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Length, Substr
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.models import Page, PageViewRestriction

from knowledge.models import CaseStudyPage, LearningPage, Region

AGS = re.compile(r"^(?:\d{5}|\d{8})$")

# "Kommunen wie meine": comparable kinds, per level. A kreisfreie Stadt is compared with
# kreisfreie Städte (its Gemeinde entry; its Kreis entry redirects to it), a Landkreis
# with Landkreise, a kreisangehörige Gemeinde or Stadt with its likes.
KIND_GROUPS = {
    Region.Level.GEMEINDE: [
        (
            "kreisangehoerig",
            (
                "KREISANGEHOERIGE_GEMEINDE",
                "STADT",
                "MARKT",
                "GROSSE_KREISSTADT",
                "GEMEINDEFREIES_GEBIET_BEWOHNT",
            ),
            gettext_lazy("kreisangehörige Gemeinden und Städte"),
        ),
        ("kreisfrei", Region.KREISFREI, gettext_lazy("kreisfreie Städte")),
    ],
    Region.Level.KREIS: [
        ("kreis", ("LANDKREIS", "KREIS", "REGIONALVERBAND"), gettext_lazy("Landkreise")),
    ],
}
POPULATION_FACTOR = 2  # candidates have between half and twice the population
SIMILAR_LIMIT = 5


def is_valid_key(ags):
    return bool(AGS.match(ags or ""))


def find_region(ags):
    """The Gemeinde or Kreis of a key, with Land and Kreis loaded, or None."""
    if not is_valid_key(ags):
        return None
    level = Region.Level.KREIS if len(ags) == 5 else Region.Level.GEMEINDE
    return Region.objects.select_related("land", "kreis").filter(code=ags, level=level).first()


def kreisfrei_gemeinde_code(kreis):
    """The Gemeinde key of a kreisfreie Stadt given as its Kreis (or None)."""
    return (
        Region.objects.filter(
            kreis_id=kreis.code, level=Region.Level.GEMEINDE, kind__in=Region.KREISFREI
        )
        .order_by("code")
        .values_list("code", flat=True)
        .first()
    )


def restricted_paths():
    """Paths of the private sections (login, password, groups): one query."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def not_restricted(paths, prefix=""):
    """A ``Q`` for pages (at ``prefix``) outside every private section."""
    q = Q()
    for path in paths:
        q |= Q(**{f"{prefix}path__startswith": path})
    return ~q if q else Q()


def in_region(region, field):
    """``field`` (a foreign key to Region) points at ``region``, or for a Kreis at any of
    its Gemeinden (a Kreis is its own ``kreis``)."""
    if region.level == Region.Level.KREIS:
        return Q(**{f"{field}__kreis_id": region.code})
    return Q(**{f"{field}_id": region.code})


def kind_group(region):
    """``(key, kinds, label)`` of the comparable kinds of ``region`` (or None)."""
    for group in KIND_GROUPS.get(region.level, []):
        if region.kind in group[1]:
            return group
    return None


@dataclass
class Talk:
    person: object
    title: str
    kind: str
    page: object  # the event or the recording
    is_recording: bool = False
    start: int | None = None  # seconds into a recording
    date: object = None
    case_study: object = None


@dataclass
class Similar:
    region: object
    themenfelder: list
    case_study_count: int
    reason: str


@dataclass
class SimilarResult:
    items: list = field(default_factory=list)
    scope: str = ""  # "land", "elsewhere" or "" (nothing found)
    group_label: str = ""
    population_range: tuple | None = None
    problem: str = ""  # why nothing could be compared


@dataclass
class Profile:
    region: object
    case_studies: list
    learnings: list
    events: list
    talks: list
    themenfelder: list
    similar: SimilarResult | None = None

    @property
    def has_content(self):
        return bool(self.case_studies or self.learnings or self.events or self.talks)


def _parent_event_start():
    """The start of a recording's event (its parent page), as a subquery."""
    event_page = apps.get_model("events", "EventPage")
    parent_path = Substr(OuterRef("page__path"), 1, Length(OuterRef("page__path")) - Page.steplen)
    return Subquery(event_page.objects.filter(path=parent_path).values("start")[:1])


def _pages(model, region, field, locale, paths):
    return (
        model.objects.live()
        .filter(locale=locale)
        .filter(in_region(region, field))
        .filter(not_restricted(paths))
    )


def _orderables(model, region, field, locale, paths):
    return (
        model.objects.filter(page__live=True, page__locale=locale)
        .filter(in_region(region, field))
        .filter(not_restricted(paths, "page__"))
    )


def talks_of(region, locale, paths):
    """Talks by people of ``region``: agenda items, speaker entries (without an agenda
    item of the same person at that event) and recording chapters; three queries."""
    agenda_item = apps.get_model("events", "AgendaItem")
    event_speaker = apps.get_model("events", "EventSpeaker")
    chapter = apps.get_model("events", "Chapter")
    talks = []
    seen = set()
    for item in _orderables(
        agenda_item, region, "speaker__municipality", locale, paths
    ).select_related("page", "speaker__municipality", "case_study"):
        seen.add((item.page_id, item.speaker_id))
        talks.append(
            Talk(
                person=item.speaker,
                title=item.title,
                kind=item.get_kind_display(),
                page=item.page,
                date=item.page.start,
                case_study=item.case_study if item.case_study and item.case_study.live else None,
            )
        )
    for item in _orderables(
        event_speaker, region, "person__municipality", locale, paths
    ).select_related("page", "person__municipality"):
        if (item.page_id, item.person_id) in seen:
            continue
        talks.append(
            Talk(
                person=item.person,
                title="",
                kind=str(event_speaker._meta.verbose_name),
                page=item.page,
                date=item.page.start,
            )
        )
    for item in (
        _orderables(chapter, region, "speaker__municipality", locale, paths)
        .select_related("page", "speaker__municipality", "case_study")
        .annotate(event_start=_parent_event_start())
    ):
        talks.append(
            Talk(
                person=item.speaker,
                title=item.title,
                kind=str(chapter._meta.verbose_name),
                page=item.page,
                is_recording=True,
                start=item.start,
                date=item.event_start,
                case_study=item.case_study if item.case_study and item.case_study.live else None,
            )
        )
    talks.sort(key=lambda t: t.date.timestamp() if t.date else 0, reverse=True)
    return talks


def has_content(region, locale):
    """Whether ``region`` has a profile in the language of ``locale`` (what
    :func:`build_profile` would list, asked with at most six small queries)."""
    event_page = apps.get_model("events", "EventPage")
    paths = restricted_paths()
    pages = (
        (CaseStudyPage, "municipality"),
        (LearningPage, "municipality"),
        (event_page, "host_municipality"),
    )
    talks = (
        ("AgendaItem", "speaker__municipality"),
        ("EventSpeaker", "person__municipality"),
        ("Chapter", "speaker__municipality"),
    )
    return any(
        _pages(model, region, field, locale, paths).exists() for model, field in pages
    ) or any(
        _orderables(apps.get_model("events", name), region, field, locale, paths).exists()
        for name, field in talks
    )


def build_profile(region, locale, with_similar=True):
    """Everything the profile of ``region`` shows, in the language of ``locale``."""
    event_page = apps.get_model("events", "EventPage")
    paths = restricted_paths()
    case_studies = list(
        _pages(CaseStudyPage, region, "municipality", locale, paths)
        .select_related("municipality__land", "municipality__kreis", "land")
        .prefetch_related("themenfelder")
        .order_by("-first_published_at", "-pk")
    )
    learnings = list(
        _pages(LearningPage, region, "municipality", locale, paths)
        .select_related("municipality__land", "municipality__kreis", "land")
        .prefetch_related("themenfelder")
        .order_by("-first_published_at", "-pk")
    )
    events = list(
        _pages(event_page, region, "host_municipality", locale, paths)
        .select_related("host_municipality")
        .order_by("-start", "-pk")
    )
    talks = talks_of(region, locale, paths)
    themenfelder = {}
    for page in case_studies + learnings:
        for themenfeld in page.themenfelder.all():
            themenfelder[themenfeld.pk] = themenfeld
    profile = Profile(
        region=region,
        case_studies=case_studies,
        learnings=learnings,
        events=events,
        talks=talks,
        themenfelder=sorted(themenfelder.values(), key=lambda t: str(t.label)),
    )
    if with_similar and profile.has_content:
        profile.similar = similar_municipalities(region, profile.themenfelder, locale, paths)
    return profile


def population_range(population):
    return (math.ceil(population / POPULATION_FACTOR), population * POPULATION_FACTOR)


def similar_municipalities(region, themenfelder, locale, paths=None, limit=SIMILAR_LIMIT):
    """ "Kommunen wie meine": municipalities of the same level, a comparable kind and
    population (half to twice), with live case studies in at least one of
    ``themenfelder``; from the same Land, else (said so) from the other Länder.

    Ranked by the number of shared Themenfelder, then by closeness of population.
    Two queries (three when the Land has none).
    """
    group = kind_group(region)
    result = SimilarResult(group_label=str(group[2]) if group else "")
    if not themenfelder:
        result.problem = _("Zu dieser Kommune sind noch keine Themenfelder erfasst.")
        return result
    if not region.population or group is None:
        result.problem = _("Für diese Kommune fehlen Einwohnerzahl oder Gebietsart.")
        return result
    if paths is None:
        paths = restricted_paths()
    low, high = population_range(region.population)
    result.population_range = (low, high)
    by_id = {t.pk: t for t in themenfelder}
    through = CaseStudyPage.themenfelder.through
    rows = (
        through.objects.filter(
            themenfeld_id__in=list(by_id),
            casestudypage__live=True,
            casestudypage__locale=locale,
            casestudypage__municipality__level=region.level,
            casestudypage__municipality__kind__in=group[1],
            casestudypage__municipality__population__gte=low,
            casestudypage__municipality__population__lte=high,
        )
        .exclude(casestudypage__municipality_id=region.code)
        .filter(not_restricted(paths, "casestudypage__"))
    )
    columns = (
        "casestudypage__municipality_id",
        "casestudypage__municipality__population",
        "themenfeld_id",
        "casestudypage_id",
    )
    found = list(
        rows.filter(casestudypage__municipality__land_id=region.land_id).values_list(*columns)
    )
    result.scope = "land"
    if not found:
        found = list(rows.values_list(*columns))
        result.scope = "elsewhere"
    if not found:
        result.scope = ""
        return result
    candidates = {}
    for code, population, themenfeld_id, page_id in found:
        entry = candidates.setdefault(code, {"population": population, "tf": set(), "pages": set()})
        entry["tf"].add(themenfeld_id)
        entry["pages"].add(page_id)

    def rank(item):
        code, entry = item
        closeness = abs(math.log(entry["population"] / region.population))
        return (-len(entry["tf"]), closeness, code)

    best = sorted(candidates.items(), key=rank)[:limit]
    regions = Region.objects.select_related("land", "kreis").in_bulk([code for code, _ in best])
    for code, entry in best:
        shared = sorted((by_id[pk] for pk in entry["tf"]), key=lambda t: str(t.label))
        names = ", ".join(str(t.label) for t in shared)
        reason = ngettext(
            "gemeinsames Themenfeld: %(names)s, %(population)s Einwohner",
            "gemeinsame Themenfelder: %(names)s, %(population)s Einwohner",
            len(shared),
        ) % {"names": names, "population": number_format(entry["population"], force_grouping=True)}
        result.items.append(
            Similar(
                region=regions[code],
                themenfelder=shared,
                case_study_count=len(entry["pages"]),
                reason=reason,
            )
        )
    return result


def municipalities_with_content(locale):
    """The index: ``[(land, [(entry, [gemeinden])])]`` sorted by name, where an entry is
    a Kreis (with its Gemeinden that have content) or a kreisfreie Stadt. Eight queries."""
    event_page = apps.get_model("events", "EventPage")
    paths = restricted_paths()
    codes = set()
    for model, column in (
        (CaseStudyPage, "municipality_id"),
        (LearningPage, "municipality_id"),
        (event_page, "host_municipality_id"),
    ):
        codes.update(
            model.objects.live()
            .filter(locale=locale)
            .filter(not_restricted(paths))
            .values_list(column, flat=True)
            .distinct()
        )
    for model_name, column in (
        ("AgendaItem", "speaker__municipality_id"),
        ("EventSpeaker", "person__municipality_id"),
        ("Chapter", "speaker__municipality_id"),
    ):
        model = apps.get_model("events", model_name)
        codes.update(
            model.objects.filter(page__live=True, page__locale=locale)
            .filter(not_restricted(paths, "page__"))
            .values_list(column, flat=True)
            .distinct()
        )
    codes.discard(None)
    regions = Region.objects.filter(
        code__in=codes, level__in=[Region.Level.GEMEINDE, Region.Level.KREIS]
    ).select_related("land", "kreis")
    lands = {}
    for region in regions:
        if region.level == Region.Level.KREIS and region.is_kreisfrei:
            continue  # shown as its Gemeinde
        if region.level == Region.Level.GEMEINDE and (region.is_kreisfrei or not region.kreis_id):
            entry = region
        else:
            entry = region.kreis if region.level == Region.Level.GEMEINDE else region
        land = lands.setdefault(region.land_id, {"land": region.land, "entries": {}})
        members = land["entries"].setdefault(entry.code, {"entry": entry, "gemeinden": []})
        if region.code != entry.code:
            members["gemeinden"].append(region)
    result = []
    for land in sorted(lands.values(), key=lambda x: str(x["land"].display_name)):
        entries = sorted(land["entries"].values(), key=lambda x: x["entry"].short_name)
        result.append(
            (
                land["land"],
                [(x["entry"], sorted(x["gemeinden"], key=lambda g: g.short_name)) for x in entries],
            )
        )
    return result
