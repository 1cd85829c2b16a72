from django.core.management.base import BaseCommand

from knowledge.reference_data import load_all


class Command(BaseCommand):
    help = (
        "Lädt Länder, Kreise, Gemeinden (Destatis) und den OZG-Katalog mit LeiKa-Zuordnung. "
        "Idempotent: ein zweiter Lauf ändert nichts."
    )

    def handle(self, *args, **options):
        for result in load_all():
            self.stdout.write(f"{result.model}: {result.total} ({result.created} neu)")
