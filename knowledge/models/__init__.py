"""Models of the knowledge base, one module per concern, re-exported here."""

from .case_study import CaseStudyLeistung, CaseStudyPage
from .index import KnowledgeIndexPage
from .learning import LearningPage, LearningRelatedCaseStudy
from .people import Organisation, Person
from .regional import RegionalMixin
from .taxonomy import LeikaLeistung, Lebenslage, Leistung, Region, Themenfeld

__all__ = [
    "CaseStudyLeistung",
    "CaseStudyPage",
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
