import logging
import time

from django.core.management.base import BaseCommand, CommandError

from ik_cms.demo import builder
from knowledge.models import Region


class Command(BaseCommand):
    help = (
        "Build the demo site (home page in German and English, legal pages, case studies, "
        "event series with recordings, learnings) and a superuser 'admin'. Needs the "
        "reference data (load_reference_data). Does nothing if the demo already exists."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--admin-password",
            help="Password for the new superuser 'admin' (default: generated and printed).",
        )

    def handle(self, *args, admin_password=None, verbosity=1, **options):
        if not Region.objects.filter(code="08111000").exists():
            raise CommandError("Reference data missing: run `manage.py load_reference_data`.")
        if verbosity < 2:  # one log line per indexed and published page otherwise
            for name in ("django_tasks", "wagtail"):
                logging.getLogger(name).setLevel(logging.WARNING)

        started = time.monotonic()
        result = builder.build(admin_password=admin_password)
        if not result.created:
            self.stdout.write(
                "Demo content already exists (a knowledge index page was found); nothing changed."
            )
            self.stdout.write(
                "Admin: http://127.0.0.1:8000/admin/  user: admin  (password printed on the "
                "first run; set a new one with `manage.py changepassword admin`)"
            )
            return

        self.stdout.write(
            self.style.SUCCESS(f"Demo content built in {time.monotonic() - started:.1f} s.")
        )
        for label, count in sorted(result.page_counts.items(), key=lambda item: str(item[0])):
            self.stdout.write(f"  {count:3d}  {label}")
        if result.admin_existed:
            self.stdout.write("User 'admin' already exists; its password was not changed.")
        else:
            self.stdout.write(
                f"Admin: http://127.0.0.1:8000/admin/  user: admin  "
                f"password: {result.admin_password}"
            )
