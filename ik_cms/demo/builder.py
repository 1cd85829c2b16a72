"""Builds the demo site from the content modules, with the apps' factories.

``build()`` is idempotent: when a knowledge index page exists, the demo (or real
content) is already there and nothing is changed.
"""

import datetime
import secrets
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import factory.random
from django.contrib.auth import get_user_model
from django.core.files import File
from django.db import transaction
from django.utils import dateformat, timezone, translation
from django.utils.text import slugify
from wagtail.models import Collection, Locale, Page, Site

from events.factories import (
    AgendaItemFactory,
    ChapterFactory,
    EventIndexPageFactory,
    EventPageFactory,
    EventSeriesPageFactory,
    RecordingPageFactory,
    TranscriptSegmentFactory,
    VideoDocumentFactory,
    berlin,
)
from events.models import AgendaItem, RecordingRelatedPage
from home.factories import HomePageFactory, StandardPageFactory, paragraph_block
from home.models import HomePage, SiteSettings
from home.translation import translate
from knowledge.factories import (
    CaseStudyPageFactory,
    KnowledgeIndexPageFactory,
    LearningPageFactory,
    OrganisationFactory,
    PersonFactory,
    get_region,
    get_themenfeld,
)
from knowledge.models import KnowledgeIndexPage

from . import case_studies, corpus, editorial, events, learnings, people, site_pages, translations

SEED = "initiative-k-demo"
VIDEO = Path(__file__).resolve().parent / "media" / "sample-recording.webm"
VIDEO_TITLE = "Demo-Testbild (kein Mitschnitt einer Veranstaltung)"
ADMIN_USERNAME = "admin"


@dataclass
class Result:
    created: bool
    page_counts: Counter = field(default_factory=Counter)
    admin_password: str | None = None
    admin_existed: bool = False


def demo_exists():
    return KnowledgeIndexPage.objects.exists()


def build(admin_password=None):
    if demo_exists():
        return Result(created=False)
    factory.random.reseed_random(SEED)  # reproducible Faker names
    with transaction.atomic():
        builder = _Builder()
        builder.run()
        result = Result(created=True, page_counts=_page_counts())
        admin_password = admin_password or secrets.token_urlsafe(12)
        editorial.build(builder.case_studies, password=admin_password)  # same password
        result.admin_password, result.admin_existed = _create_admin(admin_password)
    return result


class _Builder:
    def __init__(self):
        self.organisations = {}
        self.people = {}
        self.case_studies = {}
        self.recordings = {}
        self.citing_learnings = {}  # recording slug -> learnings citing it
        self._video = None

    def run(self):
        self.create_snippets()
        home = self.create_home()
        self.create_standard_pages(home)
        wissen = KnowledgeIndexPageFactory(parent=home, show_in_menus=True, **site_pages.WISSEN)
        for data in case_studies.CASE_STUDIES:
            self.create_case_study(wissen, data)
        for record in corpus.load_records():
            self.create_corpus_case_study(wissen, corpus.case_study_data(record))
        index = EventIndexPageFactory(parent=home, show_in_menus=True, **site_pages.VERANSTALTUNGEN)
        self.create_events(index)
        for data in learnings.LEARNINGS:
            self.create_learning(wissen, data)
        self.relate_learnings_to_recordings()
        self.translate_into_english(wissen)

    # --- English translations (wagtail-localize) ------------------------------------
    def translate_into_english(self, wissen):
        english = Locale.objects.get(language_code="en")
        translate(wissen, english, translations.WISSEN)
        case_study = self.case_studies[translations.CASE_STUDY_SLUG]
        translate(case_study.contact_person, english, translations.CONTACT_ROLE)
        translate(case_study, english, translations.CASE_STUDY)

    # --- Snippets -------------------------------------------------------------------
    def create_snippets(self):
        for key, (name, kind, description) in people.ORGANISATIONS.items():
            self.organisations[key] = OrganisationFactory(
                name=name, kind=kind, description=description
            )
        for key, (name, role, ags, organisation) in people.PEOPLE.items():
            self.people[key] = PersonFactory(
                name=name,
                role=role,
                municipality=get_region(ags) if ags else None,
                organisation=self.organisations.get(organisation),
            )

    # --- Home, site and legal pages -------------------------------------------------
    def create_home(self):
        root = Page.get_first_root_node()
        home = HomePageFactory(parent=root, **site_pages.HOME)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True)
        site.root_page = home
        site.site_name = "Initiative K"
        site.save()
        # Wagtail's "Welcome to your new Wagtail site!" is a plain Page at depth 2.
        for page in Page.objects.filter(
            depth=2, content_type__model="page", content_type__app_label="wagtailcore"
        ):
            page.delete()

        english = home.copy_for_translation(Locale.objects.get(language_code="en"))
        for name, value in site_pages.HOME_EN.items():
            setattr(english, name, value)
        english.save_revision().publish()
        return HomePage.objects.get(pk=home.pk)

    def create_standard_pages(self, home):
        pages = {}
        with translation.override("de"):
            today = dateformat.format(timezone.localdate(), "j. F Y")
        for key, data in [
            ("imprint", site_pages.IMPRESSUM),
            ("privacy", site_pages.DATENSCHUTZ),
            ("accessibility", site_pages.barrierefreiheit(today)),
            ("about", site_pages.UEBER_UNS),
        ]:
            pages[key] = StandardPageFactory(parent=home, **data)
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.imprint_page = pages["imprint"]
        settings.privacy_page = pages["privacy"]
        settings.accessibility_page = pages["accessibility"]
        settings.footer_text = site_pages.FOOTER_TEXT
        settings.sponsor_name = site_pages.SPONSOR_NAME
        settings.sponsor_url = ""
        settings.save()

    # --- Case studies ---------------------------------------------------------------
    def create_case_study(self, parent, data):
        data = dict(data)
        contact = self.people[data.pop("contact")]
        page = CaseStudyPageFactory(
            parent=parent,
            municipality=get_region(data.pop("municipality")),
            themenfelder=[get_themenfeld(name) for name in data.pop("themenfelder", [])],
            partners=[self.organisations[key] for key in data.pop("partners", [])],
            contact_person=contact,
            **data,
        )
        self.case_studies[page.slug] = page

    def create_corpus_case_study(self, parent, data):
        lab = self.organisations.get(data["lab"])
        if lab is None:
            lab = self.organisations[data["lab"]] = OrganisationFactory(
                name=f"OK Lab {data['lab_name']}",
                kind="partner",
                website="https://codefor.de/",
                description="Ehrenamtliche Gruppe im Netzwerk Code for Germany der Open "
                "Knowledge Foundation Deutschland e.V.",
            )
        contact = PersonFactory(
            municipality=None, organisation=lab, role=f"Ehrenamtlich im OK Lab {data['lab_name']}"
        )
        page = CaseStudyPageFactory(
            parent=parent,
            title=data["title"],
            slug=slugify(data["title"]),
            municipality=get_region(data["municipality"]),
            leistungen=data["leistungen"],
            themenfelder=[get_themenfeld(name) for name in data["themenfelder"]],
            status=data["status"],
            start_date=data["start_date"],
            go_live_date=None,
            partners=[lab],
            software="Open Source",
            reusability="offen",
            contact_person=contact,
            teaser_text=data["teaser_text"],
            body=[
                paragraph_block(data["body_html"]),
                paragraph_block(
                    "<p><i>Projektbeschreibung des OK Lab "
                    f"{data['lab_name']} von codefor.de, für diese Website in "
                    "HTML umgewandelt; Bilder wurden entfernt.</i></p>"
                ),
            ],
            source_url=data["source_url"],
            source_license=data["source_license"],
        )
        self.case_studies[page.slug] = page

    # --- Events and recordings ------------------------------------------------------
    def create_events(self, index):
        series_pages = {}
        for data in events.SERIES:
            data = dict(data)
            series_pages[data["slug"]] = EventSeriesPageFactory(
                parent=index, land=get_region(data.pop("land")), **data
            )
        for data in events.EVENTS:
            self.create_event(series_pages[data["series"]], data)

    def create_event(self, series, data):
        greeter = self.people[data["greeting_by"]]
        impulses = [
            (self.people[person], self.case_studies[slug], title)
            for person, slug, title in data["impulses"]
        ]
        day = data["date"]
        agenda = [
            AgendaItemFactory.build(
                time=datetime.time(*events.GREETING_AT),
                kind=AgendaItem.Kind.GREETING,
                title=f"Grußwort: {greeter.role} {greeter.name}",
                speaker=greeter,
            )
        ]
        for (hour, minute), (person, case_study, title) in zip(
            events.IMPULSE_AT, impulses, strict=True
        ):
            agenda.append(
                AgendaItemFactory.build(
                    time=datetime.time(hour, minute),
                    kind=AgendaItem.Kind.IMPULSE,
                    title=title,
                    speaker=person,
                    case_study=case_study,
                )
            )
        agenda.append(
            AgendaItemFactory.build(
                time=datetime.time(*events.NETWORKING_AT),
                kind=AgendaItem.Kind.NETWORKING,
                title="Austausch und Networking in kleinen Gruppen",
            )
        )
        host = get_region(data["host"])
        event = EventPageFactory(
            parent=series,
            title=data["title"],
            slug=data["slug"],
            start=berlin(day.year, day.month, day.day, 10),
            end=berlin(day.year, day.month, day.day, 12),
            host_municipality=host,
            greeting_by=greeter,
            participants_count=data["participants_count"],
            municipalities_count=data["municipalities_count"],
            teaser_text=data["teaser_text"],
            body=[
                paragraph_block(
                    f"<p>{data['teaser_text']}</p><p>Die Veranstaltung fand online von 10 bis "
                    f"12 Uhr statt. Nach dem Grußwort von {greeter.name} ({greeter.role}) "
                    "folgten zwei Impulse mit anschließenden Fragen, danach Austausch in "
                    "kleinen Gruppen.</p>"
                )
            ],
            agenda=agenda,
            speaker_people=[person for person, _, _ in impulses],
        )
        if data["slug"] in events.RECORDINGS:
            self.create_recording(event, data, greeter, impulses)

    def create_recording(self, event, data, greeter, impulses):
        speakers = {"moderation": self.people["moderation"], "greeter": greeter}
        chapters = []
        for key, title, who in events.CHAPTERS:
            person = impulses[who][0] if isinstance(who, int) else speakers[who]
            case_study = impulses[who][1] if isinstance(who, int) else None
            impulse_title = impulses[who][2] if isinstance(who, int) else ""
            chapters.append(
                ChapterFactory.build(
                    start=events.CHAPTER_STARTS[key],
                    title=title.format(impulse=impulse_title),
                    speaker=person,
                    case_study=case_study,
                )
            )
        transcript = [
            TranscriptSegmentFactory.build(
                start=start, speaker_name=self.people[who].name, text=text
            )
            for start, who, text in events.RECORDINGS[data["slug"]]
        ]
        self.recordings[data["slug"]] = RecordingPageFactory(
            parent=event,
            title=f"Aufzeichnung: {event.title}",
            slug="aufzeichnung",
            video_file=self.video(),
            duration=events.RECORDING_DURATION,
            intro=f"Die Aufzeichnung vom {event.start:%d.%m.%Y} mit Grußwort, zwei Impulsen "
            "und der Fragerunde; der Austausch in Gruppen wurde nicht aufgezeichnet. "
            "In dieser Demo zeigt das Video ein Testbild; Kapitel und Transkript "
            "zeigen, wie eine Aufzeichnung erschlossen wird.",
            teaser_text=f"Aufzeichnung mit Kapiteln und Transkript: {data['teaser_text']}"[:300],
            chapters=chapters,
            transcript=transcript,
            related=[case_study for _, case_study, _ in impulses],
        )

    def video(self):
        """The one sample video file (a test pattern), shared by all recordings."""
        if self._video is None:
            with open(VIDEO, "rb") as f:
                self._video = VideoDocumentFactory(
                    title=VIDEO_TITLE,
                    file=File(f, name="demo-testbild.webm"),
                    collection=Collection.get_first_root_node(),
                )
            self._video._set_document_file_metadata()
            self._video.save()
        return self._video

    # --- Learnings ------------------------------------------------------------------
    def create_learning(self, parent, data):
        data = dict(data)
        recording = timestamp = None
        if source := data.pop("source", None):
            recording, timestamp = self.recordings[source[0]], source[1]
            self.citing_learnings.setdefault(source[0], [])
        municipality = data.pop("municipality")
        learning = LearningPageFactory(
            parent=parent,
            themenfelder=[get_themenfeld(name) for name in data.pop("themenfelder")],
            municipality=get_region(municipality) if municipality else None,
            case_studies=[self.case_studies[slug] for slug in data.pop("case_studies")],
            source_recording=recording,
            source_timestamp=timestamp,
            **data,
        )
        if source:
            self.citing_learnings[source[0]].append(learning)

    def relate_learnings_to_recordings(self):
        """A recording lists the learnings that cite it (a second revision)."""
        for slug, cited in self.citing_learnings.items():
            recording = self.recordings[slug]
            for learning in cited:
                recording.related_pages.add(RecordingRelatedPage(related=learning))
            recording.save_revision().publish()


def _page_counts():
    counts = Counter()
    for page in Page.objects.live().specific().exclude(depth=1):
        counts[page.specific_class._meta.verbose_name] += 1
    return counts


def _create_admin(password=None):
    User = get_user_model()
    if User.objects.filter(username=ADMIN_USERNAME).exists():
        return None, True
    password = password or secrets.token_urlsafe(12)
    User.objects.create_superuser(ADMIN_USERNAME, "admin@example.org", password)
    return password, False
