from .mixins import BasePage, SEOMixin, SourceMixin, TeaserMixin
from .pages import HomePage, StandardPage
from .settings import SiteSettings

__all__ = [
    "BasePage",
    "HomePage",
    "SEOMixin",
    "SiteSettings",
    "SourceMixin",
    "StandardPage",
    "TeaserMixin",
]
