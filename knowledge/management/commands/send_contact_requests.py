"""Deliver the contact requests still owed, and delete those past the retention period.

Meant for a cron job, e.g. every 15 minutes::

    manage.py send_contact_requests

Sends again every failed request, and every new one left unsent for longer than
``--stale-minutes`` (a process that stopped between saving and sending), up to
``--max-attempts`` attempts each. Then deletes requests older than
``CONTACT_REQUEST_RETENTION_DAYS`` (DSGVO), whatever their status.
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand

from knowledge.contact.mail import deliver
from knowledge.models import ContactRequest


class Command(BaseCommand):
    help = "Send failed contact requests again and delete expired ones."

    def add_arguments(self, parser):
        parser.add_argument("--max-attempts", type=int, default=10)
        parser.add_argument("--stale-minutes", type=int, default=10)
        parser.add_argument(
            "--no-delete", action="store_true", help="Send only; delete no expired request."
        )

    def handle(self, *args, max_attempts, stale_minutes, no_delete, **options):
        due = ContactRequest.objects.due_for_delivery(
            stale_after=datetime.timedelta(minutes=stale_minutes), max_attempts=max_attempts
        ).select_related("recipient", "page")
        sent = failed = 0
        for contact_request in due.order_by("created_at", "pk"):
            if deliver(contact_request):
                sent += 1
            else:
                failed += 1
        self.stdout.write(f"Sent: {sent}, failed: {failed}")

        if not no_delete:
            days = settings.CONTACT_REQUEST_RETENTION_DAYS
            deleted, _ = ContactRequest.objects.expired(days).delete()
            self.stdout.write(f"Deleted (older than {days} days): {deleted}")
        if failed:
            self.stderr.write(self.style.WARNING(f"{failed} request(s) still undelivered"))
