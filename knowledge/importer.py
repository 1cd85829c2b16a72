"""Bulk import of case studies and learnings from JSON Lines (``import_knowledge``).

One JSON object per line (the format is documented in the README). Each line is
validated by :class:`RecordForm` before anything is written, then written inside its
own transaction: a bad record leaves nothing behind, good records are imported, and
every bad line is reported with its number and reason. Records are matched by ``key``:
a second import of the same record changes nothing (the record's checksum is kept on
the page), a changed record updates its page with a new revision.
"""

import contextlib
import datetime
import hashlib
import json
import logging
import re
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.text import slugify
from modelsearch import index as search_index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.log_actions import log
from wagtail.models import Locale, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.signals import page_published

from knowledge.markdown import markdown_to_rich_text
from knowledge.models import (
    CaseStudyLeistung,
    CaseStudyPage,
    KnowledgeIndexPage,
    LearningPage,
    Leistung,
    Region,
    Themenfeld,
)

logger = logging.getLogger(__name__)

TYPES = {"case_study": CaseStudyPage, "learning": LearningPage}
KEY_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$")
MAX_LINE_BYTES = 1_000_000


class ListField(forms.Field):
    """A JSON list of scalars (or a single scalar, taken as a list of one)."""

    def to_python(self, value):
        if value in (None, ""):
            return []
        if not isinstance(value, list):
            value = [value]
        if any(isinstance(v, (dict, list)) or v is None for v in value):
            raise ValidationError("muss eine Liste von Werten sein")
        return value


class RecordForm(forms.Form):
    key = forms.CharField(max_length=100)
    type = forms.ChoiceField(choices=[(t, t) for t in TYPES])
    title = forms.CharField(max_length=255)
    summary = forms.CharField(max_length=300, required=False)
    body = forms.CharField(required=False, strip=False)
    municipality_ags = forms.CharField(required=False)
    ozg_ids = ListField(required=False)
    themenfelder = ListField(required=False)
    published = forms.DateField(required=False, input_formats=["%Y-%m-%d"])
    source_url = forms.URLField(required=False, max_length=500, assume_scheme="https")
    license = forms.CharField(required=False, max_length=255)
    locale = forms.CharField(required=False, max_length=8)

    def clean_key(self):
        key = self.cleaned_data["key"]
        if not KEY_PATTERN.match(key):
            raise ValidationError("nur Buchstaben, Ziffern und . _ : / - erlaubt")
        return key

    def clean_municipality_ags(self):
        code = self.cleaned_data["municipality_ags"].strip()
        if not code:
            return None
        if not (code.isdigit() and len(code) in (5, 8)):
            raise ValidationError(f"„{code[:20]}“ ist kein AGS (8 Ziffern) oder Kreisschlüssel")
        region = Region.municipal().filter(code=code).select_related("land", "kreis").first()
        if region is None:
            raise ValidationError(f"unbekannter AGS {code}")
        return region

    def clean_ozg_ids(self):
        values = self.cleaned_data["ozg_ids"]
        ids = []
        for value in values:
            try:
                ids.append(int(str(value)))
            except ValueError:
                raise ValidationError(f"„{str(value)[:20]}“ ist keine OZG-ID") from None
        leistungen = Leistung.objects.filter(ozg_id__in=ids).select_related("themenfeld")
        found = {x.ozg_id: x for x in leistungen}
        missing = [str(i) for i in ids if i not in found]
        if missing:
            raise ValidationError(f"unbekannte OZG-ID {', '.join(missing)}")
        return [found[i] for i in dict.fromkeys(ids)]

    def clean_themenfelder(self):
        texts = [str(value).strip() for value in self.cleaned_data["themenfelder"]]
        if not texts:
            return []
        numbers = [int(t) for t in texts if t.isdigit()]
        known = {}
        for themenfeld in Themenfeld.objects.filter(
            Q(slug__in=texts) | Q(name__in=texts) | Q(pk__in=numbers)
        ):
            known.update({themenfeld.slug: themenfeld, themenfeld.name: themenfeld})
            known[str(themenfeld.pk)] = themenfeld
        missing = [t for t in texts if t not in known]
        if missing:
            raise ValidationError(f"unbekanntes Themenfeld „{missing[0][:50]}“")
        return list(dict.fromkeys(known[t] for t in texts))

    def clean_locale(self):
        code = self.cleaned_data["locale"] or Locale.get_default().language_code
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            raise ValidationError(f"unbekannte Sprache „{code}“")
        return locale

    def clean(self):
        data = super().clean()
        needs_municipality = data.get("type") == "case_study" and "municipality_ags" in data
        if needs_municipality and data["municipality_ags"] is None:
            self.add_error("municipality_ags", "ein Praxisbeispiel braucht eine Kommune")
        if data.get("type") == "learning" and data.get("ozg_ids"):
            self.add_error("ozg_ids", "Learnings haben keine OZG-Leistungen")
        return data


@dataclass
class Report:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list = field(default_factory=list)  # (line number, message)

    @property
    def failed(self):
        return len(self.errors)


def checksum(record, publish):
    canonical = json.dumps({**record, "_publish": publish}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def describe_errors(form):
    return "; ".join(
        f"{name}: {' '.join(str(m) for m in messages)}" if name != "__all__" else " ".join(messages)
        for name, messages in form.errors.items()
    )


def find_existing(key):
    for model in TYPES.values():
        page = model.objects.filter(import_key=key).first()
        if page is not None:
            return page
    return None


def index_page_for(locale):
    return KnowledgeIndexPage.objects.filter(locale=locale).order_by("path").first()


def unique_slug(parent, title):
    base = slugify(title.replace("ß", "ss"))[:200] or "eintrag"
    slug, n = base, 1
    siblings = set(
        parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True)
    )
    while slug in siblings:
        n += 1
        slug = f"{base}-{n}"
    return slug


def apply(page, data, record_checksum):
    page.title = data["title"]
    page.teaser_text = data["summary"]
    page.body = (
        [{"type": "paragraph", "value": markdown_to_rich_text(data["body"], data["title"])}]
        if data["body"].strip()
        else []
    )
    page.municipality = data["municipality_ags"]
    page.source_url = data["source_url"]
    page.source_license = data["license"]
    page.import_key = data["key"]
    page.import_checksum = record_checksum
    if data["published"] and page.first_published_at is None:
        page.first_published_at = timezone.make_aware(
            datetime.datetime.combine(data["published"], datetime.time(12))
        )
    themenfelder = list(data["themenfelder"])
    if isinstance(page, CaseStudyPage):
        page.ozg_leistungen = [CaseStudyLeistung(leistung=x) for x in data["ozg_ids"]]
        themenfelder += [x.themenfeld for x in data["ozg_ids"]]
    page.themenfelder.set(list(dict.fromkeys(themenfelder)))


@contextlib.contextmanager
def indexing_once_per_record():
    """Index each imported page once, not on each of its saves (add, revision, publish).

    For the duration, disconnects the search index's save handler of the imported page
    types and the search documents' publish handler, and turns off Wagtail's reference
    index updates on save: :func:`import_record` updates all three once per record, at
    its end. The search index's title norms are refreshed once, after the last record.
    Meant for the import command's own process.
    """
    from search import documents
    from search.backends import title_norms_once

    models = list(TYPES.values())
    disconnected = [m for m in models if post_save.disconnect(post_save_signal_handler, sender=m)]
    published = page_published.disconnect(dispatch_uid=documents.PUBLISHED_UID)
    try:
        with disable_reference_index_auto_update(), title_norms_once():
            yield
    finally:
        for model in disconnected:
            post_save.connect(post_save_signal_handler, sender=model)
        if published:
            page_published.connect(
                documents.on_page_published, dispatch_uid=documents.PUBLISHED_UID
            )


def publish_new_page(page, revision):
    """Publish the first revision of a page the import has just created.

    What ``revision.publish()`` does for such a page (no live version, no schedule, no
    workflow, no comments, no aliases: the page was created live a moment ago), without
    its second full save of the page, which validates and rewrites every relation again
    and was a quarter of the import's time: mark the revision live, log the publishing,
    send ``page_published``.
    """
    now = timezone.now()
    page.live, page.has_unpublished_changes, page.expired = True, False, False
    page.live_revision, page.last_published_at = revision, now
    page.first_published_at = page.first_published_at or now
    type(page).objects.filter(pk=page.pk).update(
        live=True,
        has_unpublished_changes=False,
        expired=False,
        live_revision=revision,
        last_published_at=now,
        first_published_at=page.first_published_at,
    )
    log(instance=page, action="wagtail.publish", revision=revision, content_changed=True)
    page_published.send(sender=type(page), instance=page, revision=revision)


def import_record(record, publish):
    """Validate and write one record. Returns "created", "updated" or "unchanged"."""
    if not isinstance(record, dict):
        raise ValidationError("die Zeile ist kein JSON-Objekt")
    form = RecordForm(record)
    if not form.is_valid():
        raise ValidationError(describe_errors(form))
    data = form.cleaned_data
    record_checksum = checksum(record, publish)
    model = TYPES[data["type"]]

    existing = find_existing(data["key"])
    if existing is not None and not isinstance(existing, model):
        raise ValidationError(f"key {data['key']} gehört bereits zu einem anderen Typ")
    if existing is not None and existing.import_checksum == record_checksum:
        return "unchanged"
    if existing is not None and existing.locale_id != data["locale"].pk:
        raise ValidationError(f"key {data['key']} gehört bereits zu einer anderen Sprache")

    # Wagtail's Page.save() and save_revision() run full_clean(): an invalid page
    # raises ValidationError inside the transaction, which rolls the record back.
    with transaction.atomic():
        if existing is None:
            parent = index_page_for(data["locale"])
            if parent is None:
                raise ValidationError(
                    f"keine Wissen-Seite in der Sprache „{data['locale'].language_code}“"
                )
            page = model(locale=data["locale"], live=publish)
            apply(page, data, record_checksum)
            page.slug = unique_slug(parent, data["title"])
            parent.add_child(instance=page)
            outcome = "created"
        else:
            page = existing
            apply(page, data, record_checksum)
            outcome = "updated"
        revision = page.save_revision()
        if publish and outcome == "created":
            publish_new_page(page, revision)
        elif publish:
            revision.publish()
        elif outcome == "updated":
            page.save(update_fields=["import_checksum"])
        search_index.insert_or_update_object(page)  # and its search document
        ReferenceIndex.create_or_update_for_object(page)
    return outcome


def import_lines(lines, publish=False):
    """Import an iterable of text lines; returns a :class:`Report`."""
    report = Report()
    with indexing_once_per_record():
        _import_lines(lines, publish, report)
    return report


def _import_lines(lines, publish, report):
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            if len(line) > MAX_LINE_BYTES:
                raise ValidationError(f"die Zeile ist länger als {MAX_LINE_BYTES:,} Zeichen")
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValidationError(f"kein gültiges JSON ({error.msg})") from None
            outcome = import_record(record, publish)
        except ValidationError as error:
            report.errors.append((number, " ".join(error.messages)))
            continue
        except Exception as error:  # the record's transaction was rolled back
            logger.exception("Import of line %s failed", number)
            report.errors.append((number, f"interner Fehler, nichts geschrieben ({error})"))
            continue
        setattr(report, outcome, getattr(report, outcome) + 1)
