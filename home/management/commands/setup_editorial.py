from django.core.management.base import BaseCommand

from home import editorial


class Command(BaseCommand):
    help = (
        "Create or repair the editorial groups (Redaktion, Autor:innen, Sponsor, "
        "Administratoren) with their permissions and the workflow 'Redaktion und "
        "Sponsor-Review', and put the workflow on every knowledge and events index page "
        "of every language. Safe to run again: a second run changes nothing."
    )

    def handle(self, *args, **options):
        workflow = editorial.ensure_roles_and_workflow()
        pages = editorial.attach_to_sections()
        steps = " → ".join(task.name for task in workflow.tasks)
        self.stdout.write(f"Groups: {', '.join(editorial.ROLES)}")
        self.stdout.write(f"Workflow '{workflow.name}': {steps}")
        for page in pages:
            self.stdout.write(f"  on {page.title} ({page.locale.language_code}, /{page.url_path})")
        if not pages:
            self.stdout.write("  no knowledge or events index page exists yet")
