"""Models of the knowledge base, one module per concern, re-exported here."""

from .case_study import (
    CaseStudyLeistung,
    CaseStudyPage,
    CaseStudyPartnerMunicipality,
    CaseStudyReuse,
)
from .contact import ContactRequest
from .index import KnowledgeIndexPage
from .learning import LearningPage, LearningRelatedCaseStudy
from .people import Organisation, Person
from .regional import RegionalMixin
from .taxonomy import CatalogueLabel, Lebenslage, LeikaLeistung, Leistung, Region, Themenfeld

__all__ = [
    "CatalogueLabel",
    "CaseStudyLeistung",
    "CaseStudyPage",
    "CaseStudyPartnerMunicipality",
    "CaseStudyReuse",
    "ContactRequest",
    "KnowledgeIndexPage",
    "LearningPage",
    "LearningRelatedCaseStudy",
    "Lebenslage",
    "LeikaLeistung",
    "Leistung",
    "Organisation",
    "Person",
    "Region",
    "RegionalMixin",
    "Themenfeld",
]
