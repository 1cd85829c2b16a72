from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import GroupPagePermission, TaskState

from home.models import ReviewOnlyGroupApprovalTask
from home.page_cache import mark_cacheable


@hooks.register("before_serve_page")
def allow_page_cache(page, request, serve_args, serve_kwargs):
    """Live pages served to visitors may be cached (previews never pass here)."""
    mark_cacheable(request)


# --- The sponsor's admin: its reviews and nothing else (see docs/editorial.md) --------
# What the sponsor may do is enforced by its permissions and by the review-only
# workflow step (home.models.ReviewOnlyGroupApprovalTask); these hooks only tidy the
# admin so that it shows nothing the sponsor cannot use.


def is_review_only(user):
    """A reviewer of a review-only step without page permissions of its own."""
    if not hasattr(user, "_ik_review_only"):
        user._ik_review_only = (
            user.is_authenticated
            and not user.is_superuser
            and not GroupPagePermission.objects.filter(group__user=user).exists()
            and ReviewOnlyGroupApprovalTask.objects.filter(active=True, groups__user=user).exists()
        )
    return user._ik_review_only


class ReviewIntroPanel(Component):
    name = "review_intro"
    template_name = "wagtailadmin/home/review_intro.html"
    order = 200

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        context["has_reviews"] = TaskState.objects.reviewable_by(user).exists()
        return context


@hooks.register("construct_homepage_panels")
def show_reviews_only(request, panels):
    if is_review_only(request.user):
        panels[:] = [ReviewIntroPanel()] + [
            panel for panel in panels if isinstance(panel, WorkflowObjectsToModeratePanel)
        ]


@hooks.register("construct_main_menu")
def hide_menu_items_for_reviewers(request, menu_items):
    if is_review_only(request.user):
        menu_items[:] = [item for item in menu_items if item.name == "help"]
