from django.db import models
from django.utils.translation import gettext_lazy as _


class RegionalMixin(models.Model):
    """Land and Kreis derived from the page's region, never entered twice.

    A page declares its own foreign key to :class:`~knowledge.models.Region` (a
    Gemeinde or a Kreis) and names it in ``region_field``; ``land`` and ``kreis`` are
    filled on every save and indexed as filter fields, so that "all of Bayern" is a
    single filter.
    """

    region_field = "municipality"

    land = models.ForeignKey(
        "knowledge.Region",
        verbose_name=_("Land"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )
    kreis = models.ForeignKey(
        "knowledge.Region",
        verbose_name=_("Kreis"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        abstract = True

    def get_region(self):
        return getattr(self, self.region_field)

    def get_region_with_parents(self):
        """The page's region with its Land and Kreis loaded (one query), or None."""
        region_id = getattr(self, f"{self.region_field}_id")
        if region_id is None:
            return None
        from knowledge.models.taxonomy import Region

        return Region.objects.select_related("land", "kreis").get(pk=region_id)

    def derive_regions(self):
        region = self.get_region()
        if region is None:
            self.land_id = self.kreis_id = None
            return
        self.land_id = region.land_id
        self.kreis_id = region.kreis_id

    def save(self, *args, **kwargs):
        self.derive_regions()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and self.region_field in update_fields:
            kwargs["update_fields"] = {*update_fields, "land", "kreis"}
        super().save(*args, **kwargs)
