"""The four editorial roles, their setup, and what each may do to a case study.

The permission matrix drives the admin's own views with the test client, as each role,
and checks the page, its revisions and its workflow after every action: an action a
role may not take must change nothing, whatever the response.
"""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Task,
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

from home import editorial
from knowledge.factories import CaseStudyPageFactory, KnowledgeIndexPageFactory
from knowledge.models import CaseStudyPage
from tests.home.editorial_helpers import edit_form, edit_url, form_data, login, make_user

pytestmark = pytest.mark.django_db

R, A, S, ADM = editorial.REDAKTION, editorial.AUTHORS, editorial.SPONSOR, editorial.ADMINS


# --- Setup -------------------------------------------------------------------------


def setup_snapshot():
    """Every row the setup manages, with ids, so that "changed nothing" is checkable."""
    groups = Group.objects.filter(name__in=editorial.ROLES)
    return {
        "groups": sorted(groups.values_list("pk", "name")),
        "model_permissions": sorted(groups.values_list("name", "permissions")),
        "page_permissions": sorted(
            GroupPagePermission.objects.filter(group__in=groups).values_list(
                "pk", "group__name", "page", "permission__codename"
            )
        ),
        "collection_permissions": sorted(
            GroupCollectionPermission.objects.filter(group__in=groups).values_list(
                "pk", "group__name", "permission__codename"
            )
        ),
        "workflows": sorted(Workflow.objects.values_list("pk", "name", "active")),
        "tasks": sorted(Task.objects.values_list("pk", "name", "active")),
        "workflow_tasks": sorted(
            WorkflowTask.objects.values_list("pk", "workflow", "task", "sort_order")
        ),
        "workflow_pages": sorted(WorkflowPage.objects.values_list("page", "workflow")),
    }


def test_migrate_created_the_roles_and_the_workflow(db):
    """The test database was migrated: post_migrate made the groups and the workflow."""
    assert set(Group.objects.values_list("name", flat=True)) >= set(editorial.ROLES)
    workflow = Workflow.objects.get(name=editorial.WORKFLOW_NAME)
    steps = [task.specific for task in workflow.tasks]
    assert [type(task).__name__ for task in steps] == [
        "GroupApprovalTask",
        "ReviewOnlyGroupApprovalTask",
    ]
    assert {g.name for g in steps[0].groups.all()} == {R, ADM}
    assert {g.name for g in steps[1].groups.all()} == {S, ADM}
    sponsor = Group.objects.get(name=S)
    assert list(sponsor.permissions.values_list("codename", flat=True)) == ["access_admin"]
    assert not GroupPagePermission.objects.filter(group=sponsor).exists()
    redaktion_page_perms = set(
        GroupPagePermission.objects.filter(group__name=R, page__depth=1).values_list(
            "permission__codename", flat=True
        )
    )
    assert "publish_page" in redaktion_page_perms
    assert "publish_page" not in set(
        GroupPagePermission.objects.filter(group__name=A).values_list(
            "permission__codename", flat=True
        )
    )
    assert Group.objects.get(name=R).permissions.filter(codename="submit_translation").exists()


def test_setup_twice_changes_nothing(site_root):
    call_command("setup_editorial", stdout=None)
    first = setup_snapshot()
    call_command("setup_editorial", stdout=None)
    editorial.ensure_roles_and_workflow()
    assert setup_snapshot() == first


def test_setup_repairs_what_was_changed_by_hand(site_root):
    call_command("setup_editorial")
    expected = setup_snapshot()
    sponsor = Group.objects.get(name=S)
    GroupPagePermission.objects.create(
        group=sponsor, page=Page.get_first_root_node(), permission_type="publish"
    )
    Workflow.objects.filter(name=editorial.WORKFLOW_NAME).update(active=False)
    WorkflowPage.objects.filter(page=site_root["knowledge"]).delete()

    call_command("setup_editorial")
    repaired = setup_snapshot()
    assert repaired["page_permissions"] == expected["page_permissions"]
    assert repaired["workflows"] == expected["workflows"]
    assert repaired["workflow_pages"] == expected["workflow_pages"]


def test_command_attaches_the_workflow_to_existing_sections(site_root, capsys):
    WorkflowPage.objects.all().delete()  # as on a database made before this setup
    call_command("setup_editorial")
    for page in (site_root["knowledge"], site_root["events"]):
        assert page.get_workflow().name == editorial.WORKFLOW_NAME
    assert "Wissen" in capsys.readouterr().out


def test_new_sections_get_the_workflow_in_every_language(site_root):
    """Creating an index page (German, or its English translation) attaches it."""
    english = site_root["knowledge"].copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True
    )
    case_study = CaseStudyPageFactory(parent=english)
    assert english.get_workflow().name == editorial.WORKFLOW_NAME
    assert case_study.get_workflow().name == editorial.WORKFLOW_NAME
    # other pages keep Wagtail's default workflow
    assert site_root["home"].get_workflow().name != editorial.WORKFLOW_NAME


def test_section_created_before_the_setup_gets_it_too(db):
    """Without any workflow row (a flushed database), creating a section sets it all up."""
    from tests.conftest import ensure_reference_data

    Workflow.objects.all().delete()
    Group.objects.filter(name__in=editorial.ROLES).delete()
    ensure_reference_data()
    from home.factories import HomePageFactory

    home = HomePageFactory(parent=Page.get_first_root_node())
    index = KnowledgeIndexPageFactory(parent=home)
    assert index.get_workflow().name == editorial.WORKFLOW_NAME
    assert Group.objects.filter(name__in=editorial.ROLES).count() == 4


# --- The permission matrix ----------------------------------------------------------

NEW_TITLE = "Geänderter Titel"


@pytest.fixture
def matrix(site_root, role_users, admin_client):
    """A live case study, a separate author and a superuser to render the admin's forms."""
    page = CaseStudyPageFactory(parent=site_root["knowledge"], title="Digitaler Bauantrag")
    return {
        "page": page,
        "parent": site_root["knowledge"],
        "users": role_users,
        "submitter": make_user("einreicherin", A),
        "superuser": admin_client,
    }


def put_in_review(m, step):
    """A new draft by another author, submitted and (for step 2) approved by Redaktion."""
    page = m["page"]
    page.title = "Entwurf zur Prüfung"
    page.save_revision(user=m["submitter"])
    page.get_workflow().start(page, m["submitter"])
    if step == 2:
        page.current_workflow_task_state.approve(user=m["users"][R])
    return TaskState.objects.for_instance(page).get(status=TaskState.STATUS_IN_PROGRESS)


def state(m):
    """What an action could change: the page, its revisions, its workflow."""
    page = Page.objects.filter(pk=m["page"].pk).first()
    if page is None:
        return {"exists": False}
    latest = page.get_latest_revision()
    return {
        "exists": True,
        "live": page.live,
        "title": page.title,
        "live_revision": page.live_revision_id,
        "latest_revision": latest.pk,
        "latest_title": latest.content["title"],
        "workflow": list(
            WorkflowState.objects.for_instance(page).values_list("pk", "status", "requested_by")
        ),
        "tasks": list(
            TaskState.objects.for_instance(page).order_by("pk").values_list("pk", "status")
        ),
        "case_studies": CaseStudyPage.objects.count(),
    }


def do_create(client, m):
    url = f"/admin/pages/add/knowledge/casestudypage/{m['parent'].pk}/"
    data = form_data(m["superuser"].get(url).content.decode(), CaseStudyPage)
    data.update({"title": "Neu", "slug": "neu", "municipality": "08436064", "status": "betrieb"})
    return client.post(url, data)


def post_edit(client, m, **actions):
    data = edit_form(m["superuser"], m["page"])
    data["title"] = NEW_TITLE
    data.update(actions)
    return client.post(edit_url(m["page"]), data)


def workflow_action(client, m, action, step):
    task_state = put_in_review(m, step)
    m["before"] = state(m)  # the state the action starts from
    url = f"/admin/pages/workflow/action/{m['page'].pk}/{action}/{task_state.pk}/"
    return client.post(url, {"comment": f"{action} in Schritt {step}"})


ACTIONS = {
    "create": do_create,
    "edit": lambda client, m: post_edit(client, m),
    "submit": lambda client, m: post_edit(client, m, **{"action-submit": "1"}),
    "approve step 1": lambda client, m: workflow_action(client, m, "approve", 1),
    "approve step 2": lambda client, m: workflow_action(client, m, "approve", 2),
    "reject step 1": lambda client, m: workflow_action(client, m, "reject", 1),
    "reject step 2": lambda client, m: workflow_action(client, m, "reject", 2),
    "publish": lambda client, m: post_edit(client, m, **{"action-publish": "1"}),
    "unpublish": lambda client, m: client.post(f"/admin/pages/{m['page'].pk}/unpublish/"),
    "delete": lambda client, m: client.post(f"/admin/pages/{m['page'].pk}/delete/"),
}


def took_effect(action, before, after, user):
    """Whether the action did what it does when allowed (checked on the stored rows)."""
    if action == "create":
        new = CaseStudyPage.objects.filter(title="Neu").first()
        return new is not None and not new.live and new.owner == user
    if action == "edit":
        return (
            after["latest_title"] == NEW_TITLE
            and after["title"] == before["title"]
            and after["live_revision"] == before["live_revision"]
        )
    if action == "submit":
        return after["workflow"] == [(after["workflow"][0][0], "in_progress", user.pk)]
    if action.startswith(("approve", "reject")):
        step = int(action[-1])
        status = "approved" if action.startswith("approve") else "rejected"
        if after["tasks"][step - 1][1] != status:
            return False
        if action == "approve step 2":  # the last approval publishes the reviewed draft
            return after["live"] and after["title"] == "Entwurf zur Prüfung"
        if action == "approve step 1":  # ...the first does not
            return after["title"] == before["title"] and after["tasks"][1][1] == "in_progress"
        return after["workflow"][0][1] == "needs_changes" and after["title"] == before["title"]
    if action == "publish":
        return after["title"] == NEW_TITLE and after["live_revision"] != before["live_revision"]
    if action == "unpublish":
        return after["exists"] and not after["live"]
    if action == "delete":
        return not after["exists"]
    raise AssertionError(action)


ALLOWED = {
    R: {"create", "edit", "submit", "approve step 1", "reject step 1", "publish", "unpublish"}
    | {"delete"},
    A: {"create", "edit", "submit"},
    S: {"approve step 2", "reject step 2"},
    ADM: set(ACTIONS),
}


@pytest.mark.parametrize("action", list(ACTIONS))
@pytest.mark.parametrize("role", [R, A, S, ADM])
def test_permission_matrix(client, matrix, role, action):
    user = matrix["users"][role]
    login(client, user)
    matrix["before"] = state(matrix)
    response = ACTIONS[action](client, matrix)
    after = state(matrix)

    if action in ALLOWED[role]:
        assert response.status_code in (200, 302), response.status_code
        assert took_effect(action, matrix["before"], after, user), after
    else:
        before = matrix["before"]
        if action == "publish" and "edit" in ALLOWED[role]:
            # Wagtail's editor treats a publish it refuses as "save draft", which this
            # role may do: nothing may go live, the draft is kept.
            assert (after["latest_title"], after["workflow"]) == (NEW_TITLE, before["workflow"])
            after = {**after, "latest_revision": before["latest_revision"]}
            after["latest_title"] = before["latest_title"]
        assert after == before
        assert not CaseStudyPage.objects.filter(title="Neu").exists()
        assert response.status_code in (302, 403), response.status_code
