from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ImportableMixin(models.Model):
    """The stable key of a page created by ``manage.py import_knowledge``.

    ``import_key`` identifies the record across imports (a second import updates the
    page instead of creating another); ``import_checksum`` is the hash of the record
    as last imported, so that an unchanged record writes nothing. Neither is copied
    into translations or duplicates of the page.
    """

    import_key = models.CharField(
        _("Import-Schlüssel"), max_length=100, blank=True, default="", editable=False
    )
    import_checksum = models.CharField(max_length=64, blank=True, default="", editable=False)

    exclude_fields_in_copy = ["import_key", "import_checksum"]

    class Meta:
        abstract = True

    @classmethod
    def import_key_constraint(cls, name):
        return models.UniqueConstraint(
            fields=["import_key"], condition=~Q(import_key=""), name=name
        )
