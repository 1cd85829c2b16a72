import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MESSAGE_MIN_LENGTH = 20
MESSAGE_MAX_LENGTH = 5000

# Line breaks and other control characters have no place in a name (and would be a
# header injection attempt in the Reply-To).
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def single_line(value):
    if _CONTROL.search(value):
        raise ValidationError(
            _("Bitte ohne Zeilenumbrüche und Steuerzeichen eingeben."), code="control"
        )


class ContactForm(forms.Form):
    """The visitor's request. ``website`` is the honeypot: hidden from people (visually
    and from assistive technology), filled in by form-filling bots."""

    name = forms.CharField(
        label=_("Ihr Name"),
        max_length=150,
        validators=[single_line],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Bitte geben Sie Ihren Namen an.")},
    )
    organisation = forms.CharField(
        label=_("Organisation oder Kommune"),
        max_length=200,
        required=False,
        validators=[single_line],
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
        help_text=_("Zum Beispiel „Stadt Musterstadt, Digitalisierung“."),
    )
    email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("Die Ansprechperson antwortet Ihnen an diese Adresse."),
        error_messages={
            "required": _("Bitte geben Sie Ihre E-Mail-Adresse an."),
            "invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@kommune.de."),
        },
    )
    message = forms.CharField(
        label=_("Ihre Nachricht"),
        min_length=MESSAGE_MIN_LENGTH,
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Bitte schreiben Sie eine Nachricht."),
            "min_length": _(
                "Die Nachricht ist zu kurz: mindestens %(limit_value)d Zeichen "
                "(jetzt %(show_value)d)."
            ),
            "max_length": _(
                "Die Nachricht ist zu lang: höchstens %(limit_value)d Zeichen "
                "(jetzt %(show_value)d)."
            ),
        },
    )
    consent = forms.BooleanField(
        label=_("Ich willige in die Speicherung und Weiterleitung meiner Angaben ein."),
        error_messages={
            "required": _("Ohne Ihre Einwilligung können wir die Nachricht nicht weiterleiten.")
        },
    )
    website = forms.CharField(
        label=_("Dieses Feld bitte leer lassen"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, consent_help="", **kwargs):
        super().__init__(*args, **kwargs)
        # Django links help texts and errors to their fields with aria-describedby.
        self.fields["consent"].help_text = consent_help
        self.fields["message"].help_text = _("Mindestens %(min)s, höchstens %(max)s Zeichen.") % {
            "min": MESSAGE_MIN_LENGTH,
            "max": MESSAGE_MAX_LENGTH,
        }

    @property
    def is_spam(self):
        """The honeypot was filled in (whatever else the bot sent)."""
        return bool(self.is_bound and self.data.get("website", "").strip())

    @property
    def visible_fields_in_order(self):
        return [self[name] for name in ("name", "organisation", "email", "message")]
