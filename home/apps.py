from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Website"

    def ready(self):
        from wagtail.models import WorkflowState
        from wagtail.signals import workflow_approved

        from home import editorial
        from home.page_cache import connect_purge_signals

        connect_purge_signals()

        post_migrate.connect(editorial.on_post_migrate, sender=self)
        for model in editorial.reviewed_section_models():
            post_save.connect(editorial.on_section_created, sender=model)
        # Replace Wagtail's "approved" e-mail with one that carries the reviewers'
        # comments; the same dispatch_uid keeps Wagtail from connecting its own later.
        uid = "workflow_state_approved_email_notification"
        workflow_approved.disconnect(sender=WorkflowState, dispatch_uid=uid)
        workflow_approved.connect(
            editorial.approval_notifier, sender=WorkflowState, dispatch_uid=uid
        )
