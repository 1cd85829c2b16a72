from .editorial import ReviewOnlyGroupApprovalTask
from .mixins import BasePage, SEOMixin, SourceMixin, TeaserMixin
from .pages import HomePage, StandardPage
from .settings import SiteSettings

__all__ = [
    "BasePage",
    "HomePage",
    "ReviewOnlyGroupApprovalTask",
    "SEOMixin",
    "SiteSettings",
    "SourceMixin",
    "StandardPage",
    "TeaserMixin",
]
