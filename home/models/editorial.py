from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, WorkflowState
from wagtail.signals import workflow_approved


class ReviewOnlyGroupApprovalTask(AbstractGroupApprovalTask):
    """A group approval step whose reviewers judge the content without touching it.

    Wagtail's ``GroupApprovalTask`` opens the editor to its reviewers and leaves the page
    unlocked for them, so a reviewer without any page permission could still save drafts,
    lock the page or cancel the workflow from the editor. Here the reviewers get the
    preview and the workflow actions (approve, approve with comment, request changes)
    and nothing more: the editor stays closed to them unless a page permission of their
    own opens it, and while the step runs the page is locked for everyone except
    superusers and reviewers who may edit anyway.

    When this is the workflow's last step, its approval publishes the page on the
    reviewer's behalf. Wagtail's own finish action publishes *as* the approver and
    checks their publish permission, which a reviewer-only group does not have: the
    approval would fail and be rolled back.
    """

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name != "approve" or hasattr(settings, "WAGTAIL_FINISH_WORKFLOW_ACTION"):
            return super().on_action(task_state, user, action_name, **kwargs)
        task_state.approve(user=user, update=False, **kwargs)
        workflow_state = task_state.workflow_state
        if workflow_state.get_next_task() is not None:
            workflow_state.update(user=user)
            return None
        # WorkflowState.finish(), publishing with the workflow's authority
        workflow_state.status = WorkflowState.STATUS_APPROVED
        workflow_state.save()
        workflow_state.content_object.get_latest_revision().publish(
            user=user, skip_permission_checks=True
        )
        workflow_approved.send(sender=WorkflowState, instance=workflow_state, user=user)
        return None

    def user_can_access_editor(self, obj, user):
        return False

    def locked_for_user(self, obj, user):
        if user.is_superuser:
            return False
        return not (self._user_in_groups(user) and _may_edit_anyway(obj, user))

    def user_can_lock(self, obj, user):
        return False

    def user_can_unlock(self, obj, user):
        return False

    @classmethod
    def get_description(cls):
        return _(
            "Mitglieder der gewählten Gruppen sehen die Vorschau und geben frei oder "
            "fordern Änderungen an, ohne die Seite bearbeiten zu können."
        )

    class Meta:
        verbose_name = _("Prüfung ohne Bearbeitung")
        verbose_name_plural = _("Prüfungen ohne Bearbeitung")


def _may_edit_anyway(obj, user):
    """Whether the user's own permissions (not this task) let them edit the object."""
    if hasattr(obj, "permissions_for_user"):  # pages
        return obj.permissions_for_user(user).can_edit()
    opts = obj._meta
    return user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
