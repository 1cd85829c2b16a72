"""The admin's "Kontaktanfragen": list, inspect (read-only) and send again.

Nobody edits a request's content: there are no add, edit or copy views. Listing and
inspecting need the ``view_contactrequest`` permission, sending again
``resend_contactrequest`` (both for the Redaktion, see ``home/editorial.py``); deleting
(Administratoren only) stays possible for DSGVO erasure requests.
"""

from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from knowledge.models import ContactRequest

from .mail import deliver

RESEND_PERMISSION = "knowledge.resend_contactrequest"


def can_resend(user):
    return user.has_perm(RESEND_PERMISSION)


class ContactRequestIndexView(generic.IndexView):
    resend_failed_url_name = None

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("recipient")

    @property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if self.resend_failed_url_name and can_resend(self.request.user):
            buttons.append(
                Button(
                    _("Fehlgeschlagene erneut senden"),
                    url=reverse(self.resend_failed_url_name),
                    icon_name="mail",
                    priority=10,
                )
            )
        return buttons


class ContactRequestInspectView(generic.InspectView):
    template_name = "knowledge/admin/contactrequest_inspect.html"
    resend_url_name = None

    def get_object(self, queryset=None):
        return get_object_or_404(
            ContactRequest.objects.select_related("recipient", "page"), pk=self.pk
        )

    def get_message_display_value(self):
        # Keep the visitor's line breaks; every line is escaped.
        return format_html_join(
            "", "{}<br>", ((line,) for line in self.object.message.splitlines())
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.resend_url_name and can_resend(self.request.user):
            context["resend_url"] = reverse(self.resend_url_name, args=[self.object.pk])
        return context


class ResendView(WagtailAdminTemplateMixin, TemplateView):
    """GET: what would be sent, with a confirm button. POST: send and report.
    With ``pk`` one request (whatever its status), without all failed ones."""

    template_name = "knowledge/admin/contactrequest_resend.html"
    header_icon = "mail"
    index_url_name = None
    inspect_url_name = None

    def dispatch(self, request, *args, pk=None, **kwargs):
        if not can_resend(request.user):
            return permission_denied(request)
        self.object = get_object_or_404(ContactRequest, pk=pk) if pk is not None else None
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        if self.object is not None:
            return _("Kontaktanfrage erneut senden")
        return _("Fehlgeschlagene Kontaktanfragen erneut senden")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse(self.index_url_name),
                "label": ContactRequest._meta.verbose_name_plural,
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_requests(self):
        if self.object is not None:
            return [self.object]
        return list(
            ContactRequest.objects.filter(status=ContactRequest.Status.FAILED)
            .select_related("recipient", "page")
            .order_by("created_at", "pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["requests"] = self.get_requests()
        context["object"] = self.object
        context["cancel_url"] = self.get_success_url()
        return context

    def get_success_url(self):
        if self.object is not None:
            return reverse(self.inspect_url_name, args=[self.object.pk])
        return reverse(self.index_url_name)

    def post(self, request, *args, **kwargs):
        sent = failed = 0
        for contact_request in self.get_requests():
            if deliver(contact_request):
                sent += 1
            else:
                failed += 1
        if sent:
            messages.success(
                request,
                ngettext(
                    "%(count)d Kontaktanfrage gesendet.",
                    "%(count)d Kontaktanfragen gesendet.",
                    sent,
                )
                % {"count": sent},
            )
        if failed:
            messages.error(
                request,
                ngettext(
                    "%(count)d Kontaktanfrage konnte wieder nicht gesendet werden; der Fehler "
                    "steht bei der Anfrage.",
                    "%(count)d Kontaktanfragen konnten wieder nicht gesendet werden; der Fehler "
                    "steht bei der Anfrage.",
                    failed,
                )
                % {"count": failed},
            )
        if not sent and not failed:
            messages.warning(request, _("Es gibt keine fehlgeschlagenen Kontaktanfragen."))
        return redirect(self.get_success_url())


class ContactRequestViewSet(ModelViewSet):
    model = ContactRequest
    name = "kontaktanfragen"
    icon = "mail"
    menu_label = gettext_lazy("Kontaktanfragen")
    menu_order = 230
    add_to_admin_menu = True
    add_to_reference_index = False
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = ContactRequestIndexView
    inspect_view_class = ContactRequestInspectView
    list_filter = ["status", "language"]
    search_fields = ["name", "organisation", "email", "page_title"]
    inspect_view_fields = [
        "page_title",
        "page",
        "recipient",
        "name",
        "organisation",
        "email",
        "message",
        "language",
        "consent_at",
        "created_at",
        "status",
        "attempts",
        "sent_at",
        "last_error",
    ]

    @property
    def list_display(self):
        return [
            TitleColumn("name", label=gettext_lazy("Anfrage von"), get_url=self._inspect_url),
            Column("organisation", label=gettext_lazy("Organisation oder Kommune")),
            Column("page_title", label=gettext_lazy("Praxisbeispiel")),
            Column("recipient_name", label=gettext_lazy("Empfänger:in")),
            StatusTagColumn(
                "status",
                accessor="get_status_display",
                label=gettext_lazy("Status"),
                sort_key="status",
                primary=lambda obj: obj.status == ContactRequest.Status.FAILED,
            ),
            DateColumn("created_at", label=gettext_lazy("Eingegangen am"), sort_key="created_at"),
        ]

    def _inspect_url(self, instance):
        return reverse(self.get_url_name("inspect"), args=[instance.pk])

    def get_common_view_kwargs(self, **kwargs):
        # No add, edit or copy views: requests are read-only.
        return super().get_common_view_kwargs(
            **{
                "add_url_name": None,
                "edit_url_name": None,
                "history_url_name": None,
                "usage_url_name": None,
                **kwargs,
            }
        )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            resend_failed_url_name=self.get_url_name("resend_failed"), **kwargs
        )

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            resend_url_name=self.get_url_name("resend"), **kwargs
        )

    @property
    def resend_view(self):
        return ResendView.as_view(
            index_url_name=self.get_url_name("index"),
            inspect_url_name=self.get_url_name("inspect"),
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("delete/<int:pk>/", self.delete_view, name="delete"),
            path("resend/<int:pk>/", self.resend_view, name="resend"),
            path("resend/", self.resend_view, name="resend_failed"),
        ]


contact_request_viewset = ContactRequestViewSet()
