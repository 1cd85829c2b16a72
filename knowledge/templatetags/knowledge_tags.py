"""Links to the filtered knowledge listing, and the knowledge sections of the home page.

Every taxonomy value on the site links to the live ``KnowledgeIndexPage`` of the
current site and language with a filter (``?themenfeld=...``, ``?land=08`` ...). The
index page is looked up once per request and cached on it.
"""

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from home.templatetags.home_tags import content_language, site_root_path
from knowledge.models import CaseStudyPage, KnowledgeIndexPage, LearningPage, Region

register = template.Library()

CARD_TEMPLATES = {
    CaseStudyPage: "includes/_case_study_card.html",
    LearningPage: "includes/_learning_card.html",
}

# Knowledge pages of the home page's sections: related rows loaded in fixed queries.
REGION_JOINS = ("municipality__land", "municipality__kreis", "land", "kreis")


def knowledge_index(context):
    """The live knowledge index page of the current site and language (or None)."""
    page = context.get("page")
    request = context.get("request")
    if isinstance(page, KnowledgeIndexPage):
        if request is not None:
            request._ik_knowledge_index = page
        return page
    if request is None:
        return None
    if not hasattr(request, "_ik_knowledge_index"):
        pages = KnowledgeIndexPage.objects.live().filter(locale__language_code=content_language())
        root_path = site_root_path(request)
        if root_path:
            pages = pages.filter(url_path__startswith=root_path)
        request._ik_knowledge_index = pages.order_by("path").first()
    return request._ik_knowledge_index


def _index_url(context):
    request = context.get("request")
    if request is not None and hasattr(request, "_ik_knowledge_index_url"):
        return request._ik_knowledge_index_url
    index = knowledge_index(context)
    url = index.get_url(request) if index is not None else ""
    if request is not None:
        request._ik_knowledge_index_url = url
    return url


@register.simple_tag(takes_context=True)
def knowledge_index_url(context):
    """URL of the unfiltered knowledge listing ("" if there is none)."""
    return _index_url(context)


@register.simple_tag(takes_context=True)
def knowledge_filter_url(context, key, value):
    """``{% knowledge_filter_url "themenfeld" tf.slug %}`` -> ``/wissen/?themenfeld=...``."""
    base = _index_url(context)
    if not base or value in (None, ""):
        return ""
    return f"{base}?{urlencode({key: value})}"


def _link(context, key, value, label, css_class="tag"):
    url = knowledge_filter_url(context, key, value)
    if not url:
        return format_html("<span>{}</span>", label)
    return format_html('<a class="{}" href="{}">{}</a>', css_class, url, label)


@register.simple_tag(takes_context=True)
def filter_link(context, key, value, label, css_class="tag"):
    """A link to the listing filtered by one value, e.g. a Themenfeld."""
    return _link(context, key, value, label, css_class)


def region_filter(region):
    """(parameter, value) that filters the listing by ``region``."""
    if region.level == Region.Level.LAND:
        return "land", region.code
    if region.level == Region.Level.KREIS:
        return "kreis", region.code
    return "ags", region.code


@register.simple_tag(takes_context=True)
def region_link(context, region, css_class="region"):
    """A Land, Kreis or Kommune linked to its filtered listing (its short name)."""
    if region is None:
        return ""
    key, value = region_filter(region)
    return _link(context, key, value, region.display_name, css_class)


@register.filter
def profile_url(region):
    """URL of the profile of a Gemeinde or Kreis (``/kommunen/08111000/``; "" for a
    Land). Only regions with content have a profile: link it where the page shows some
    (the region of a live case study, learning or event). A kreisfreie Stadt's Kreis
    key redirects to its Gemeinde profile."""
    if region is None or region.level not in (Region.Level.GEMEINDE, Region.Level.KREIS):
        return ""
    try:
        return reverse("profiles:detail", args=[region.code])
    except NoReverseMatch:
        return ""


@register.simple_tag
def profile_link(region, css_class="profile-link"):
    """A "Profil" link beside a region, named for screen readers ("Profil von …")."""
    url = profile_url(region)
    if not url:
        return ""
    return format_html(
        '<a class="{}" href="{}">{}<span class="visually-hidden"> {}</span></a>',
        css_class,
        url,
        _("Profil"),
        _("von %(name)s") % {"name": region.display_name},
    )


@register.simple_tag(takes_context=True)
def status_link(context, page):
    """The status of a case study linked to all case studies with that status."""
    return _link(
        context,
        "status",
        page.status,
        page.get_status_display(),
        f"status status--{page.status}",
    )


@register.filter
def card_template(page):
    """The card partial of a knowledge page (case study or learning)."""
    return CARD_TEMPLATES.get(type(page), "includes/_page_card.html")


@register.simple_tag(takes_context=True)
def active_filter_chips(context, form):
    """The filters in use as chips: label, value label and a URL that drops the value."""
    request = context.get("request")
    if request is None or not hasattr(form, "active_filters"):
        return []
    if not form.is_bound or not form.is_valid():
        return []
    chips = []
    for active in context.get("active_filters") or form.active_filters():
        key = active["key"]
        query = request.GET.copy()
        query.pop("page", None)
        remaining = [v for v in query.getlist(key) if v.strip() != str(active["value"])]
        if remaining:
            query.setlist(key, remaining)
        else:
            query.pop(key, None)
        encoded = query.urlencode()
        chips.append(
            {**active, "remove_url": f"{request.path}?{encoded}" if encoded else request.path}
        )
    return chips


def _newest(model, limit):
    """The newest live pages of ``model`` in the active language, with their regions."""
    return list(
        model.objects.live()
        .filter(locale__language_code=content_language())
        .select_related(*REGION_JOINS)
        .prefetch_related("themenfelder")
        .order_by("-first_published_at", "-pk")[:limit]
    )


def _section_context(context, **items):
    return {
        "request": context.get("request"),
        "page": context.get("page"),
        "index_url": _index_url(context),
        **items,
    }


@register.inclusion_tag("includes/_latest_case_studies.html", takes_context=True)
def latest_case_studies(context, limit=3):
    """The newest live case studies of the active language, for the home page."""
    return _section_context(context, case_studies=_newest(CaseStudyPage, limit))


@register.inclusion_tag("includes/_recent_learnings.html", takes_context=True)
def recent_learnings(context, limit=3):
    """The newest live learnings of the active language, for the home page."""
    return _section_context(context, learnings=_newest(LearningPage, limit))
