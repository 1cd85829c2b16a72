"""Editorial roles and the review workflow, set up idempotently (see docs/editorial.md).

``ensure_roles_and_workflow()`` runs after every ``migrate`` (a ``post_migrate``
handler, so test databases have the groups too) and from ``manage.py setup_editorial``;
``attach_workflow()`` puts the workflow on a reviewed section's index page, on creation
and from the command. Both can run any number of times: a second run changes nothing.

The reviewed sections are named by model label, so ``home`` imports neither
``knowledge`` nor ``events``.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.admin.mail import WorkflowStateApprovalEmailNotifier
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from home.models import ReviewOnlyGroupApprovalTask

REDAKTION = "Redaktion"
AUTHORS = "Autor:innen"
SPONSOR = "Sponsor"
ADMINS = "Administratoren"
ROLES = (REDAKTION, AUTHORS, SPONSOR, ADMINS)

WORKFLOW_NAME = "Redaktion und Sponsor-Review"
EDITORIAL_TASK_NAME = "Prüfung durch die Redaktion"
SPONSOR_TASK_NAME = "Prüfung durch den Sponsor"

#: Index pages whose sections (the page and everything below it) get the workflow.
REVIEWED_SECTIONS = ("knowledge.KnowledgeIndexPage", "events.EventIndexPage")

# Page permissions, granted on the root of the page tree (so every locale's tree).
PAGE_PERMISSIONS = {
    REDAKTION: ("add", "change", "publish", "bulk_delete", "lock", "unlock"),
    AUTHORS: ("add", "change"),
    SPONSOR: (),
    ADMINS: ("add", "change", "publish", "bulk_delete", "lock", "unlock"),
}

# Image and document permissions, granted on the root collection.
COLLECTION_PERMISSIONS = {
    REDAKTION: ("add", "change", "delete", "choose"),
    AUTHORS: ("add", "choose"),
    SPONSOR: (),
    ADMINS: ("add", "change", "delete", "choose"),
}

# Model permissions as "app_label.codename"; Administratoren get every permission.
MODEL_PERMISSIONS = {
    REDAKTION: (
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "knowledge.add_person",
        "knowledge.change_person",
        "knowledge.delete_person",
        "knowledge.view_person",
        "knowledge.add_organisation",
        "knowledge.change_organisation",
        "knowledge.delete_organisation",
        "knowledge.view_organisation",
        # the catalogue labels come from the public data: translated, never deleted
        "knowledge.add_cataloguelabel",
        "knowledge.change_cataloguelabel",
        "knowledge.view_cataloguelabel",
        "home.change_sitesettings",
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
        "wagtailredirects.delete_redirect",
        # contact requests to case studies' contact persons: read and send again, never edited
        "knowledge.view_contactrequest",
        "knowledge.resend_contactrequest",
    ),
    AUTHORS: (
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "knowledge.add_person",
        "knowledge.change_person",
        "knowledge.view_person",
        "knowledge.add_organisation",
        "knowledge.change_organisation",
        "knowledge.view_organisation",
    ),
    SPONSOR: ("wagtailadmin.access_admin",),
}

# Who reviews each step, in order. Administratoren may act for anyone.
WORKFLOW_STEPS = (
    (GroupApprovalTask, EDITORIAL_TASK_NAME, (REDAKTION, ADMINS)),
    (ReviewOnlyGroupApprovalTask, SPONSOR_TASK_NAME, (SPONSOR, ADMINS)),
)


def _permissions(labels):
    permissions = []
    for label in labels:
        app_label, codename = label.split(".")
        permissions.append(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return permissions


def _ensure_tree_permissions(group, root_page, root_collection):
    """Exactly the documented page and collection permissions on the two roots."""
    wanted = set(_permissions(f"wagtailcore.{kind}_page" for kind in PAGE_PERMISSIONS[group.name]))
    existing = GroupPagePermission.objects.filter(group=group, page=root_page)
    existing.exclude(permission__in=wanted).delete()
    for permission in wanted - {row.permission for row in existing}:
        GroupPagePermission.objects.create(group=group, page=root_page, permission=permission)

    wanted = set()
    for kind in COLLECTION_PERMISSIONS[group.name]:
        wanted |= set(_permissions([f"wagtailimages.{kind}_image", f"wagtaildocs.{kind}_document"]))
    existing = GroupCollectionPermission.objects.filter(group=group, collection=root_collection)
    existing.exclude(permission__in=wanted).delete()
    for permission in wanted - {row.permission for row in existing}:
        GroupCollectionPermission.objects.create(
            group=group, collection=root_collection, permission=permission
        )


def _ensure_groups():
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ROLES}
    for name, labels in MODEL_PERMISSIONS.items():
        groups[name].permissions.set(_permissions(labels))
    groups[ADMINS].permissions.set(Permission.objects.all())

    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    if root_page is not None and root_collection is not None:
        for group in groups.values():
            _ensure_tree_permissions(group, root_page, root_collection)
    return groups


def _ensure_workflow(groups):
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    tasks = []
    for task_class, name, reviewers in WORKFLOW_STEPS:
        task = task_class.objects.filter(name=name).order_by("pk").first()
        if task is None:
            task = task_class.objects.create(name=name)
        elif not task.active:
            task.active = True
            task.save(update_fields=["active"])
        task.groups.set([groups[reviewer] for reviewer in reviewers])
        tasks.append(task)
    for sort_order, task in enumerate(tasks):
        link, _ = WorkflowTask.objects.get_or_create(
            workflow=workflow, task=task, defaults={"sort_order": sort_order}
        )
        if link.sort_order != sort_order:
            link.sort_order = sort_order
            link.save(update_fields=["sort_order"])
    WorkflowTask.objects.filter(workflow=workflow).exclude(task__in=tasks).delete()
    return workflow


def reviewed_section_models():
    return [apps.get_model(label) for label in REVIEWED_SECTIONS]


@transaction.atomic
def ensure_roles_and_workflow():
    """Create or repair the four groups, their permissions and the workflow."""
    for app_config in apps.get_app_configs():
        # post_migrate reaches this app before the apps listed after it have their
        # permissions; make sure all of them exist first (a no-op when they do).
        create_permissions(app_config, verbosity=0)
    # wagtail_localize makes this one in a data migration (so a flush removes it)
    content_type, _ = ContentType.objects.get_or_create(
        app_label="wagtail_localize", model="translation"
    )
    Permission.objects.get_or_create(
        content_type=content_type,
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )
    return _ensure_workflow(_ensure_groups())


def get_workflow():
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    return workflow or ensure_roles_and_workflow()


def attach_workflow(page, workflow=None):
    """Put the review workflow on a section's index page (a no-op if it is there)."""
    workflow = workflow or get_workflow()
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


def attach_to_sections():
    """Attach the workflow to every reviewed index page; returns the pages."""
    workflow = get_workflow()
    pages = []
    for model in reviewed_section_models():
        for page in model.objects.all():
            attach_workflow(page, workflow)
            pages.append(page)
    return pages


# --- Signal handlers (connected in HomeConfig.ready) ---------------------------------


def on_post_migrate(sender, using="default", **kwargs):
    from django.db import connections

    # A partial migrate (e.g. back to an early migration) may leave tables missing.
    tables = set(connections[using].introspection.table_names())
    needed = {ReviewOnlyGroupApprovalTask._meta.db_table, WorkflowPage._meta.db_table}
    if using == "default" and needed <= tables:
        ensure_roles_and_workflow()


def on_section_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        attach_workflow(instance)


class ApprovalWithCommentsNotifier(WorkflowStateApprovalEmailNotifier):
    """Wagtail's "approved" e-mail, with the reviewers' comments of every step
    (Wagtail's own template shows none: see templates/wagtailadmin/notifications/)."""

    def get_context(self, workflow_state, **kwargs):
        context = super().get_context(workflow_state, **kwargs)
        context["approvals"] = (
            workflow_state.task_states.filter(status=TaskState.STATUS_APPROVED)
            .select_related("task", "finished_by")
            .order_by("finished_at")
        )
        return context


approval_notifier = ApprovalWithCommentsNotifier()
