"""Names of the catalogue (Länder, OZG-Themenfelder, Lagen, Leistungen) in the active
language, read from :class:`knowledge.models.CatalogueLabel`.

German is the catalogue's own language and costs no query. For another language all its
labels (a few hundred short rows) are read in one query and kept in the default cache
until a label is saved or deleted (``KnowledgeConfig.ready``); with a cache shared between
processes (Redis) every process sees an edit at once, with the local-memory cache after
at most ``TIMEOUT`` seconds.
"""

from django.conf import settings
from django.core.cache import cache
from wagtail.coreutils import get_content_languages, get_supported_content_language_variant

from home.templatetags.home_tags import content_language

CACHE_KEY = "catalogue-labels:{}"
TIMEOUT = 300


def default_language():
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def labels(language=None):
    """``{(kind, key): name}`` of ``language`` (the active one by default); empty for
    the default language, whose names are the catalogue's own."""
    language = language or content_language()
    if language == default_language():
        return {}
    key = CACHE_KEY.format(language)
    found = cache.get(key)
    if found is None:
        from knowledge.models import CatalogueLabel

        found = {
            (kind, code): name
            for kind, code, name in CatalogueLabel.objects.filter(
                locale__language_code=language
            ).values_list("kind", "key", "name")
        }
        cache.set(key, found, TIMEOUT)
    return found


def localized_name(kind, key, default):
    """The name of the catalogue entry ``kind``/``key`` in the active language, else
    ``default`` (its German name)."""
    return labels().get((str(kind), str(key)), default)


def forget():
    """Drop the cached labels of every language (after a label changed)."""
    cache.delete_many([CACHE_KEY.format(code) for code in get_content_languages()])
