from django.core.paginator import Paginator
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from home.models import BasePage
from knowledge.listing import KnowledgeFilterForm, filter_knowledge, hydrate


class KnowledgeIndexPage(BasePage):
    """ "Wissen": the listing of case studies and learnings, filterable by taxonomy.

    Every taxonomy value on the site links here with a filter (``?themenfeld=...``,
    ``?land=08``, ``?ags=08111000``...). A malformed filter is answered with a 400 page
    that says which parameter was wrong.
    """

    intro = models.TextField(_("Einleitung"), max_length=500, blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["knowledge.CaseStudyPage", "knowledge.LearningPage"]
    max_count_per_parent = 1

    per_page = 12

    class Meta:
        verbose_name = _("Wissen (Übersicht)")
        verbose_name_plural = _("Wissen (Übersichten)")

    def serve(self, request, *args, **kwargs):
        form = KnowledgeFilterForm(request.GET)
        context = self.get_context(request, *args, **kwargs)
        context["filter_form"] = form
        if not form.is_valid():
            return TemplateResponse(request, self.get_template(request), context, status=400)
        items = filter_knowledge(self, form.cleaned_data)
        page_obj = Paginator(items, self.per_page).get_page(request.GET.get("page"))
        page_obj.object_list = hydrate(page_obj.object_list)
        context["page_obj"] = page_obj
        context["active_filters"] = form.active_filters()
        return TemplateResponse(request, self.get_template(request), context)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            # The admin preview renders the template without ``serve``: show the
            # unfiltered listing there, as visitors will see it.
            form = KnowledgeFilterForm({})
            form.is_valid()
            items = filter_knowledge(self, form.cleaned_data)
            page_obj = Paginator(items, self.per_page).get_page(1)
            page_obj.object_list = hydrate(page_obj.object_list)
            context.update(filter_form=form, page_obj=page_obj, active_filters=[])
        return context
