"""StreamField blocks shared by every page type with a body.

Each block renders with its own template under ``templates/blocks/`` and carries a
preview value for the admin's block picker.
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Überschrift"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Ebene"),
        choices=[("h2", _("Überschrift 2")), ("h3", _("Überschrift 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Überschrift")
        template = "blocks/heading_block.html"
        preview_value = {"text": "Ausgangslage", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        label = _("Absatz")
        template = "blocks/paragraph_block.html"
        preview_value = (
            "<p>Die Stadt hat den Bauantrag 2022 vollständig digitalisiert. "
            "Anträge kommen seitdem zu 80 % online.</p>"
        )


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Bild"))
    caption = blocks.CharBlock(label=_("Bildunterschrift"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("Bildnachweis"), required=False, max_length=120)

    class Meta:
        icon = "image"
        label = _("Bild")
        template = "blocks/figure_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Zitat"))
    attribution = blocks.CharBlock(label=_("Wer sagt das?"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Zitat")
        template = "blocks/quote_block.html"
        preview_value = {
            "text": "Ohne die Fachabteilung am Tisch wäre das Projekt gescheitert.",
            "attribution": "Digitalisierungsbeauftragte einer Kreisverwaltung",
        }


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul"])
    link_page = blocks.PageChooserBlock(label=_("Link auf Seite"), required=False)
    link_url = blocks.URLBlock(label=_("oder externer Link"), required=False)

    class Meta:
        icon = "warning"
        label = _("Hinweiskasten")
        template = "blocks/callout_block.html"
        preview_value = {
            "title": "Zum Nachnutzen",
            "text": "<p>Die Antragsstrecke steht als EfA-Leistung bereit.</p>",
        }

    def clean(self, value):
        value = super().clean(value)
        if value.get("link_page") and value.get("link_url"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "link_url": ErrorList(
                        [
                            ValidationError(
                                _("Bitte nur eine Seite oder einen externen Link angeben.")
                            )
                        ]
                    )
                }
            )
        return value


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    figure = FigureBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()

    class Meta:
        block_counts = {}
