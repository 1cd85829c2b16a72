"""The Länder map of the home page and the search page.

The outline of the 16 Länder is the site's own static file ``maps/germany-laender.svg``
(svg-maps, CC BY 4.0, with German names). The pages draw it inline, so that each Land
can be a link and shaded: :func:`shapes` reads that file once per process and keeps each
Land's path data with a point for its numbers (inside the Land, see :func:`label_point`).

The numbers per Land:

- :func:`site_counts` – live case studies and events of the active language, in two
  aggregate queries (the home page);
- :func:`search_counts` – the same for the current search (query and filters), from the
  search's own documents, so the map agrees with the results and the facets.

:func:`build_map` turns counts into what ``includes/_laender_map.html`` shows: a shading
class per Land (0 = no case study, then up to four classes whose ranges follow the
largest count), the legend with those ranges, the event markers and the table rows.
"""

import functools
import math
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass

from django.contrib.staticfiles import finders
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from home.templatetags.home_tags import content_language
from knowledge.labels import localized_name
from knowledge.models.taxonomy import CatalogueLabel

SVG_FILE = "maps/germany-laender.svg"
SVG_NS = "http://www.w3.org/2000/svg"
CREDIT = _("Karte: svg-maps (CC BY 4.0)")
# The map's path ids (the usual abbreviations) and the Länder's 2-digit AGS codes.
LAND_CODES = {
    "sh": "01",
    "hh": "02",
    "ni": "03",
    "hb": "04",
    "nw": "05",
    "he": "06",
    "rp": "07",
    "bw": "08",
    "by": "09",
    "sl": "10",
    "be": "11",
    "bb": "12",
    "mv": "13",
    "sn": "14",
    "st": "15",
    "th": "16",
}
SHADES = 4  # shaded classes; class 0 is a Land without case studies


@dataclass(frozen=True)
class Shape:
    code: str  # 2-digit Land code
    abbr: str  # the map's id
    name: str  # German name (from the file)
    d: str  # path data
    x: float  # where the numbers go
    y: float


@dataclass(frozen=True)
class Outline:
    view_box: str
    shapes: tuple  # Shape, by code


# --- the outline -----------------------------------------------------------------------

_TOKEN = re.compile(r"[MmLlHhVvZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def parse_path(d):
    """The closed rings of an SVG path of straight lines (``M L H V Z``, absolute or
    relative, implicit line-tos), as lists of ``(x, y)``. Curves raise ValueError."""
    rings, ring = [], []
    x = y = start_x = start_y = 0.0
    command = None
    tokens = _TOKEN.findall(d)
    leftover = _TOKEN.sub("", d).replace(",", "").strip()
    if leftover:
        raise ValueError(f"unsupported path data: {leftover[:20]!r}")
    i = 0

    def number():
        nonlocal i
        value = float(tokens[i])
        i += 1
        return value

    while i < len(tokens):
        token = tokens[i]
        if token.isalpha():
            command = token
            i += 1
            if command in "Zz":
                if ring:
                    rings.append(ring)
                ring = []
                x, y = start_x, start_y
                continue
        elif command is None:
            raise ValueError("path data must start with a command")
        relative = command.islower()
        kind = command.upper()
        if kind == "M":
            if ring:
                rings.append(ring)
            nx, ny = number(), number()
            x, y = (x + nx, y + ny) if relative else (nx, ny)
            start_x, start_y = x, y
            ring = [(x, y)]
            command = "l" if relative else "L"  # further pairs are line-tos
        elif kind == "L":
            nx, ny = number(), number()
            x, y = (x + nx, y + ny) if relative else (nx, ny)
            ring.append((x, y))
        elif kind == "H":
            value = number()
            x = x + value if relative else value
            ring.append((x, y))
        elif kind == "V":
            value = number()
            y = y + value if relative else value
            ring.append((x, y))
        else:
            raise ValueError(f"unsupported path command {command!r}")
    if ring:
        rings.append(ring)
    return rings


def _signed_area(ring):
    return (
        sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True))
        / 2
    )


def _centroid(ring):
    area = _signed_area(ring)
    if not area:
        return ring[0]
    cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return cx / (6 * area), cy / (6 * area)


def _inside(point, rings):
    """Even-odd rule over all rings (a hole such as Berlin in Brandenburg is outside)."""
    px, py = point
    inside = False
    for ring in rings:
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y0 > py) != (y1 > py) and px < x0 + (py - y0) * (x1 - x0) / (y1 - y0):
                inside = not inside
    return inside


def _edge_distance(point, rings):
    px, py = point
    best = math.inf
    for ring in rings:
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
            dx, dy = x1 - x0, y1 - y0
            length = dx * dx + dy * dy
            t = ((px - x0) * dx + (py - y0) * dy) / length if length else 0.0
            t = max(0.0, min(1.0, t))
            best = min(best, math.hypot(px - x0 - t * dx, py - y0 - t * dy))
    return best


def label_point(rings, steps=12):
    """A point for a Land's numbers: the centroid of its largest ring if it lies inside
    the Land, else the point of a coarse grid over that ring farthest from any edge
    (Brandenburg's centroid lies in Berlin)."""
    main = max(rings, key=lambda r: abs(_signed_area(r)))
    point = _centroid(main)
    if _inside(point, rings) and _edge_distance(point, rings) > 8:
        return point
    x0, y0 = min(p[0] for p in main), min(p[1] for p in main)
    width, height = max(p[0] for p in main) - x0, max(p[1] for p in main) - y0
    candidates = [
        (x0 + width * (i + 0.5) / steps, y0 + height * (j + 0.5) / steps)
        for i in range(steps)
        for j in range(steps)
    ]
    inside = [c for c in candidates if _inside(c, rings)] or [point]
    return max(inside, key=lambda c: _edge_distance(c, rings))


@functools.cache
def outline():
    """The map file, parsed once per process: its viewBox and one Shape per Land."""
    path = finders.find(SVG_FILE)
    root = ET.parse(path).getroot()
    shapes = []
    for element in root.iter(f"{{{SVG_NS}}}path"):
        abbr = element.get("id")
        if abbr not in LAND_CODES:
            continue
        d = " ".join(element.get("d").split())
        x, y = label_point(parse_path(d))
        shapes.append(
            Shape(LAND_CODES[abbr], abbr, element.get("aria-label"), d, round(x, 1), round(y, 1))
        )
    if len(shapes) != len(LAND_CODES):
        raise ValueError(f"{SVG_FILE}: expected {len(LAND_CODES)} Länder, found {len(shapes)}")
    return Outline(root.get("viewBox"), tuple(sorted(shapes, key=lambda s: s.code)))


# --- the numbers -----------------------------------------------------------------------


def site_counts():
    """``(case studies, events)``, each ``{land code: number}``, of the live pages in
    the active language: two queries."""
    from events.models import EventPage
    from knowledge.models import CaseStudyPage

    language = content_language()
    counts = []
    for model in (CaseStudyPage, EventPage):
        rows = (
            model.objects.live()
            .filter(locale__language_code=language, land__isnull=False)
            .values("land")
            .annotate(n=Count("pk"))
            .order_by()
            .values_list("land", "n")
        )
        counts.append(dict(rows))
    return tuple(counts)


# Filters the map does not follow: it shows every Land (a Land's own filter and the
# finer region filters are what the map chooses) and counts case studies and events
# whatever types the results show.
IGNORED_FILTERS = ("land", "kreis", "ags", "type")


def search_counts(params, locale, found=None):
    """``(case studies, events)`` per Land for the search ``params`` (its cleaned data),
    with every filter but :data:`IGNORED_FILTERS`. ``found`` are the search's matches
    (:func:`search.query.matches`) if the caller has them; otherwise they are fetched
    (one statement)."""
    from search import query

    if found is None:
        found = query.matches(params, locale)
    followed = {k: v for k, v in params.items() if k not in IGNORED_FILTERS}
    passed, _counters = query.filter_and_count(found, followed)
    cases, events = Counter(), Counter()
    for row in passed:
        if not row[query.LAND]:
            continue
        if row[query.KIND] == "case_study":
            cases[row[query.LAND]] += 1
        elif row[query.KIND] == "event":
            events[row[query.LAND]] += 1
    return dict(cases), dict(events)


# --- what the template shows -----------------------------------------------------------


def class_bounds(highest, shades=SHADES):
    """Upper bounds of the shaded classes for counts up to ``highest``: equal steps,
    as many classes as there are distinct values when there are few."""
    if highest <= 0:
        return []
    return sorted({math.ceil(highest * k / shades) for k in range(1, shades + 1)})


def shade(count, bounds):
    """0 for no case study, else the 1-based class of ``count``."""
    if count <= 0:
        return 0
    return next((i for i, bound in enumerate(bounds, 1) if count <= bound), len(bounds))


def _range_label(low, high):
    return str(low) if low == high else f"{low}–{high}"


def build_map(cases, events, url_for, selected=(), for_search=False):
    """The template's data: ``lands`` (code, name, path, label point, numbers, shading
    class, URL, title), ``legend`` and the viewBox. ``url_for(code)`` is a Land's link."""
    data = outline()
    bounds = class_bounds(max(cases.values(), default=0))
    lands = []
    for s in data.shapes:
        n_cases, n_events = cases.get(s.code, 0), events.get(s.code, 0)
        name = localized_name(CatalogueLabel.Kind.LAND, s.code, s.name)
        summary = ", ".join(
            [
                ngettext("%(n)s Praxisbeispiel", "%(n)s Praxisbeispiele", n_cases) % {"n": n_cases},
                ngettext("%(n)s Veranstaltung", "%(n)s Veranstaltungen", n_events)
                % {"n": n_events},
            ]
        )
        lands.append(
            {
                "code": s.code,
                "abbr": s.abbr,
                "name": name,
                "d": s.d,
                "x": s.x,
                "y": s.y,
                "cases": n_cases,
                "events": n_events,
                "shade": shade(n_cases, bounds),
                "url": url_for(s.code),
                "title": f"{name}: {summary}",
                "selected": s.code in selected,
            }
        )
    legend = []
    low = 1
    for i, bound in enumerate(bounds, 1):
        label = _range_label(low, bound)
        text = ngettext(
            "%(range)s Praxisbeispiel", "%(range)s Praxisbeispiele", 1 if bound == 1 else 2
        ) % {"range": label}
        legend.append({"shade": i, "label": label, "text": text})
        low = bound + 1
    return {
        "view_box": data.view_box,
        "lands": sorted(lands, key=lambda land: land["name"]),
        "legend": legend,
        "total_cases": sum(cases.values()),
        "total_events": sum(events.values()),
        "credit": CREDIT,
        "for_search": for_search,
    }
