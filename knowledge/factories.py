"""Factories for the knowledge base, shared by the tests and ``load_demo_content``.

Taxonomies are never invented: regions and the OZG catalogue are the real reference data
(``knowledge.reference_data.load_all()``), so :func:`get_region`, :func:`get_leistung`,
:func:`get_themenfeld` and the lookup factories only fetch loaded rows. People are
fictional (Faker ``de_DE``); their e-mail addresses are internal and use example.org.
"""

import datetime

import factory
from django.db.models import Q
from django.utils.text import slugify
from factory.django import DjangoModelFactory

from home.factories import PublishedPageFactory, simple_body
from knowledge.models import (
    CaseStudyLeistung,
    CaseStudyPage,
    CaseStudyPartnerMunicipality,
    CaseStudyReuse,
    KnowledgeIndexPage,
    LearningPage,
    LearningRelatedCaseStudy,
    Leistung,
    Organisation,
    Person,
    Region,
    Themenfeld,
)

STUTTGART = "08111000"
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ı": "i"})


def _email_for(name):
    """Internal address: "Jürgen Heß" -> "juergen.hess@example.org" (never shown)."""
    return f"{slugify(name.lower().translate(_UMLAUTS)).replace('-', '.')}@example.org"


def get_region(code):
    """A real region by its key: ``"08"`` (Land), ``"08111"`` (Kreis), ``"08111000"``."""
    return Region.objects.get(code=code)


def as_region(region_or_code):
    return region_or_code if isinstance(region_or_code, Region) else get_region(region_or_code)


def get_leistung(ozg_id):
    return Leistung.objects.get(ozg_id=ozg_id)


def get_themenfeld(name):
    """A Themenfeld by its name (``"Bauen & Wohnen"``) or slug (``"bauen-und-wohnen"``)."""
    return Themenfeld.objects.get(Q(name=name) | Q(slug=name))


class LookupFactory(DjangoModelFactory):
    """Returns an existing row of the reference data; never creates one."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return model_class.objects.get(**kwargs)

    _build = _create


class ThemenfeldFactory(LookupFactory):
    """``ThemenfeldFactory()`` cycles through the 14 Themenfelder; ``(kdn_id=2)`` picks one."""

    class Meta:
        model = Themenfeld

    kdn_id = factory.Iterator(range(1, 15))


class LeistungFactory(LookupFactory):
    """Cycles through OZG-Leistungen typically offered by municipalities."""

    class Meta:
        model = Leistung

    ozg_id = factory.Iterator(
        [
            10519,  # Bauvorbescheid und Baugenehmigung
            10439,  # Kraftfahrzeugzulassung, -um- und Abmeldung
            10000,  # Elterngeld
            10092,  # Wohngeld
            10559,  # Meldebescheinigung und -registerauskunft
            10160,  # Hundehaltung
            10019,  # Kindertagesbetreuung
            10124,  # Wohnsitzmeldungen
        ]
    )


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Beispiel-Dienstleister {n} GmbH")
    kind = Organisation.Kind.VENDOR
    description = "Fiktive Organisation für Tests und Demo-Inhalte."


class PersonFactory(DjangoModelFactory):
    """A fictional person; ``female=True/False`` keeps first name and role consistent."""

    class Meta:
        model = Person

    class Params:
        female = factory.Faker("boolean")
        first_name = factory.Maybe(
            "female",
            factory.Faker("first_name_female", locale="de_DE"),
            factory.Faker("first_name_male", locale="de_DE"),
        )
        last_name = factory.Faker("last_name", locale="de_DE")

    name = factory.LazyAttribute(lambda o: f"{o.first_name} {o.last_name}")
    role = factory.Maybe("female", "Digitalisierungsbeauftragte", "Digitalisierungsbeauftragter")
    municipality = factory.LazyFunction(lambda: get_region(STUTTGART))
    email = factory.LazyAttribute(lambda o: _email_for(o.name))


class KnowledgeIndexPageFactory(PublishedPageFactory):
    class Meta:
        model = KnowledgeIndexPage

    title = "Wissen"
    intro = "Praxisbeispiele und Learnings aus den Kommunen."


class CaseStudyPageFactory(PublishedPageFactory):
    """A published case study.

    ``leistungen=[10519, ...]`` takes OZG-IDs or Leistungen; ``reused_by=[...]`` and
    ``partner_municipalities=[...]`` take regions or their keys.
    """

    class Meta:
        model = CaseStudyPage

    class Params:
        leistungen = ()
        reused_by = ()
        partner_municipalities = ()

    title = factory.Sequence(lambda n: f"Praxisbeispiel {n}")
    municipality = factory.LazyFunction(lambda: get_region(STUTTGART))
    status = CaseStudyPage.Status.LIVE
    start_date = datetime.date(2020, 9, 1)
    go_live_date = datetime.date(2021, 10, 1)
    teaser_text = "Eine Kommune hat eine Verwaltungsleistung vollständig digitalisiert."
    body = factory.LazyAttribute(lambda o: simple_body("Ausgangslage", o.teaser_text))
    ozg_leistungen = factory.LazyAttribute(
        lambda o: [
            CaseStudyLeistung(leistung=x if isinstance(x, Leistung) else get_leistung(x))
            for x in o.leistungen
        ]
    )
    reuse_links = factory.LazyAttribute(
        lambda o: [CaseStudyReuse(region=as_region(x)) for x in o.reused_by]
    )
    partner_municipality_links = factory.LazyAttribute(
        lambda o: [
            CaseStudyPartnerMunicipality(region=as_region(x)) for x in o.partner_municipalities
        ]
    )


class CaseStudyLeistungFactory(DjangoModelFactory):
    """``.build(leistung=...)`` for ``ozg_leistungen=[...]``, or ``(page=case_study)``."""

    class Meta:
        model = CaseStudyLeistung

    leistung = factory.SubFactory(LeistungFactory)


class LearningPageFactory(PublishedPageFactory):
    """A published learning; ``case_studies=[...]`` fills the related case studies."""

    class Meta:
        model = LearningPage

    class Params:
        case_studies = ()

    title = factory.Sequence(lambda n: f"Learning {n}")
    kind = LearningPage.Kind.SUCCESS_FACTOR
    teaser_text = "Die Fachabteilung von Anfang an einbinden."
    body = factory.LazyAttribute(lambda o: simple_body("Worum es geht", o.teaser_text))
    related_case_studies = factory.LazyAttribute(
        lambda o: [LearningRelatedCaseStudy(case_study=case_study) for case_study in o.case_studies]
    )


class LearningRelatedCaseStudyFactory(DjangoModelFactory):
    """``.build(case_study=...)`` or ``(page=learning, case_study=...)``."""

    class Meta:
        model = LearningRelatedCaseStudy
