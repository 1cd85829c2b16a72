import logging

from django.core.management.base import BaseCommand, CommandError

from knowledge.importer import import_lines


class Command(BaseCommand):
    help = (
        "Importiert Praxisbeispiele und Learnings aus einer JSON-Lines-Datei (ein Objekt je "
        "Zeile, Format im README). Idempotent über `key`; fehlerhafte Zeilen werden mit "
        "Zeilennummer gemeldet und nicht (auch nicht teilweise) importiert."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Pfad der .jsonl-Datei")
        parser.add_argument(
            "--publish", action="store_true", help="Seiten veröffentlichen (sonst Entwürfe)"
        )

    def handle(self, file, publish, verbosity=1, **options):
        if verbosity < 2:  # one log line per indexed and published page otherwise
            for name in ("django_tasks", "wagtail"):
                logging.getLogger(name).setLevel(logging.WARNING)
        try:
            with open(file, encoding="utf-8") as f:
                report = import_lines(f, publish=publish)
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{file}: {error}") from error
        for number, message in report.errors:
            self.stderr.write(f"Zeile {number}: {message}")
        self.stdout.write(
            f"{report.created} neu, {report.updated} aktualisiert, "
            f"{report.unchanged} unverändert, {report.failed} fehlerhaft"
        )
        if report.failed:
            raise CommandError(f"{report.failed} Zeile(n) nicht importiert")
