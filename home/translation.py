"""Translating pages and snippets in code the way editors do in wagtail-localize.

Used by the reference data (English catalogue labels) and the demo content, so that
what they create are ordinary wagtail-localize translations: synchronised with their
German source, listed and editable in the translation editor, never loose copies.
"""

from wagtail.models import Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue


def translate(instance, locale, texts, user=None, publish=True):
    """Translate ``instance`` into ``locale`` and return the translation.

    ``texts`` maps source strings (a page's title or a label as plain text, a rich text
    paragraph as its HTML) to their translation; strings without an entry keep the
    source text until an editor translates them. Snippets the instance refers to (a
    contact person) are translated first, as wagtail-localize's "Translate" action does
    (its ``TranslationCreator`` is not used: see :func:`_save_target`). Running it again
    updates the translation from the current source and the given texts.
    """
    if isinstance(instance, Page):
        instance = instance.specific
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    for segment in source.relatedobjectsegment_set.select_related("object"):
        related = segment.object.get_instance(instance.locale)
        if not related.has_translation(locale):
            translate(related, locale, {}, user=user)
    translation, _created = Translation.objects.update_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    # wagtail-localize keeps plain text HTML-escaped ("Bauen &amp; Wohnen").
    lookup = {}
    for original, translated in texts.items():
        lookup[StringValue.from_plaintext(original).data] = StringValue.from_plaintext(
            translated
        ).data
        lookup.setdefault(original, translated)
    segments = StringSegment.objects.filter(source=source).select_related("string")
    for segment in segments:
        text = lookup.get(segment.string.data)
        if text is not None:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context_id=segment.context_id,
                defaults={
                    "data": text,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
    _save_target(translation, user, publish and getattr(instance, "live", True))
    return instance.get_translation(locale)


def _save_target(translation, user, publish):
    """``translation.save_target()``, publishing a page at once: wagtail-localize defers
    a page's publication to the end of the transaction, with the page as it was in
    memory, which inside a longer transaction (the demo build) writes back a stale
    child count and breaks the page tree."""
    is_page = issubclass(translation.source.specific_content_type.model_class(), Page)
    translation.save_target(user=user, publish=publish and not is_page)
    if publish and is_page:
        translation.get_target_instance().get_latest_revision().publish(user=user)


def sync(instance, user=None):
    """Bring the translations of ``instance`` up to date with its changed source, as
    wagtail-localize's "Sync translations" does: unchanged strings keep their
    translation, a changed one shows the source text until it is translated anew."""
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if source is None:
        return []
    source.update_from_db()
    updated = []
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        _save_target(translation, user, publish=True)
        updated.append(translation.target_locale)
    return updated
