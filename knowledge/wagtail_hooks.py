from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from knowledge.contact.viewsets import contact_request_viewset
from knowledge.models import CatalogueLabel, Organisation, Person
from knowledge.views import leistung_chooser_viewset, region_chooser_viewset


@hooks.register("register_admin_viewset")
def register_choosers():
    return [region_chooser_viewset, leistung_chooser_viewset, contact_request_viewset]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_order = 200
    list_display = ["name", "role", "municipality", "organisation"]
    search_fields = ["name", "role"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_order = 210
    list_display = ["name", "kind", "website"]
    list_filter = ["kind"]


class CatalogueLabelViewSet(SnippetViewSet):
    """The names of Länder and of the OZG catalogue, one German label per entry (from
    the public data); editors translate them with wagtail-localize ("Übersetzen")."""

    model = CatalogueLabel
    icon = "tag"
    menu_order = 220
    list_display = ["name", "kind", "key", "locale"]
    list_filter = ["kind", "locale"]
    search_fields = ["name", "key"]
    ordering = ["kind", "name"]


register_snippet(PersonViewSet)
register_snippet(CatalogueLabelViewSet)
register_snippet(OrganisationViewSet)
