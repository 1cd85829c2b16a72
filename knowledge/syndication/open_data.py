"""All published case studies as open data: CSV and JSON at stable URLs.

The metadata are offered under the Datenlizenz Deutschland – Namensnennung 2.0
(``queries.data_licence``); each record names the source and licence of its *text*
(imported texts keep their own, e.g. CC BY 4.0; editorial texts get the data licence).
Fields, formats and attribution are documented in ``docs/open-data.md``. The contact
person and the internal editor notes are never part of a record.
"""

import csv
import html
import io
import json

from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Site

from home.templatetags.home_tags import content_language

from .queries import data_licence, published_case_studies

#: The columns of the CSV file, in order (the JSON records have the same keys, with
#: lists as arrays and the Themenfelder as objects).
CSV_FIELDS = [
    "id",
    "import_key",
    "translation_key",
    "title",
    "url",
    "teaser",
    "municipality_ags",
    "municipality_name",
    "land_code",
    "land_name",
    "ozg_ids",
    "themenfeld_slugs",
    "themenfeld_names",
    "status",
    "status_label",
    "start_date",
    "go_live_date",
    "first_published_at",
    "last_published_at",
    "reusability",
    "reusability_label",
    "reuse_description",
    "reused_by",
    "text_source",
    "text_licence",
    "language",
]
LIST_SEPARATOR = "|"
FILENAME = "praxisbeispiele"


def plain_text(rich_text):
    """Rich text (HTML) as plain text: tags dropped, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(strip_tags(rich_text or "")).split())


def iso(value):
    return value.isoformat() if value else None


def attribution(request):
    licence = data_licence()
    site = Site.find_for_request(request)
    return _("Initiative K (%(url)s), Lizenz: %(licence)s") % {
        "url": site.root_url if site else request.build_absolute_uri("/"),
        "licence": f"{licence['name']} ({licence['id']})",
    }


def reference_data_attribution():
    return [
        _(
            "Gemeindeschlüssel und Namen der Regionen: Statistisches Bundesamt (Destatis), "
            "Gemeindeverzeichnis-Informationssystem GV-ISys"
        ),
        _(
            "OZG-IDs und Themenfelder: OZG-Datenbank NRW des Dachverbands kommunaler "
            "IT-Dienstleister NRW (KDN), MIT-Lizenz"
        ),
    ]


def record(page, request):
    """One case study as a dict of plain JSON values."""
    licence = data_licence()
    municipality = page.municipality
    land = page.land
    themenfelder = list(page.themenfelder.all())
    return {
        "id": page.pk,
        "import_key": page.import_key or None,
        "translation_key": str(page.translation_key),
        "title": page.title,
        "url": page.get_full_url(request),
        "teaser": page.teaser_text,
        "municipality_ags": municipality.code if municipality else None,
        "municipality_name": municipality.short_name if municipality else None,
        "land_code": land.code if land else None,
        "land_name": land.display_name if land else None,
        "ozg_ids": [item.leistung_id for item in page.ozg_leistungen.all()],
        "themenfelder": [{"slug": t.slug, "name": t.label} for t in themenfelder],
        "status": page.status,
        "status_label": str(page.get_status_display()),
        "start_date": iso(page.start_date),
        "go_live_date": iso(page.go_live_date),
        "first_published_at": iso(page.first_published_at),
        "last_published_at": iso(page.last_published_at),
        "reusability": page.reusability,
        "reusability_label": str(page.get_reusability_display()),
        "reuse_description": plain_text(page.reuse_description),
        "reused_by": [link.region_id for link in page.reuse_links.all()],
        "text_source": page.source_url or page.get_full_url(request),
        "text_licence": page.source_license or f"{licence['name']} ({licence['id']})",
        "language": page.locale.language_code,
    }


def records(request):
    return [record(page, request) for page in published_case_studies(request)]


def csv_row(item):
    row = dict(item)
    row["ozg_ids"] = LIST_SEPARATOR.join(str(i) for i in item["ozg_ids"])
    row["reused_by"] = LIST_SEPARATOR.join(item["reused_by"])
    row["themenfeld_slugs"] = LIST_SEPARATOR.join(t["slug"] for t in item["themenfelder"])
    row["themenfeld_names"] = LIST_SEPARATOR.join(t["name"] for t in item["themenfelder"])
    return {key: "" if row[key] is None else row[key] for key in CSV_FIELDS}


def filename(extension):
    language = content_language()
    suffix = "" if language == "de" else f"-{language}"
    return f"{FILENAME}{suffix}.{extension}"


def with_licence_headers(response):
    response["Link"] = f'<{data_licence()["url"]}>; rel="license"'
    response["Access-Control-Allow-Origin"] = "*"  # open data: readable from any origin
    return response


@require_safe
def case_studies_csv(request):
    """UTF-8 with a byte order mark (so that spreadsheet programs read the umlauts),
    RFC 4180 quoting and line ends, one header row; lists joined with ``|``."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for item in records(request):
        writer.writerow(csv_row(item))
    response = HttpResponse(
        buffer.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8; header=present"
    )
    response["Content-Disposition"] = content_disposition_header(True, filename("csv"))
    return with_licence_headers(response)


@require_safe
def case_studies_json(request):
    items = records(request)
    licence = data_licence()
    data = {
        "licence": {"name": licence["name"], "id": licence["id"], "url": licence["url"]},
        "attribution": attribution(request),
        "reference_data": reference_data_attribution(),
        "generated": timezone.now().replace(microsecond=0).isoformat(),
        "language": content_language(),
        "count": len(items),
        "records": items,
    }
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
    )
    return with_licence_headers(response)
