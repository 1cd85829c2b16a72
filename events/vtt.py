"""Reading WebVTT caption files (webvtt-py) into transcript cues.

:func:`parse_vtt` is strict: a file that is not UTF-8, lacks the ``WEBVTT`` header,
holds a malformed cue block or no cue at all raises :class:`VTTError` with a German
message naming the line, for the admin to show on the ``captions`` field.
"""

from dataclasses import dataclass

import webvtt
from django.utils.translation import gettext as _
from webvtt.errors import MalformedCaptionError, MalformedFileError

MAX_BYTES = 2 * 1024 * 1024


class VTTError(ValueError):
    pass


@dataclass(frozen=True)
class Cue:
    start: int  # whole seconds
    speaker: str
    text: str


def _line_of(text, needle):
    """1-based number of the first line equal to ``needle`` (stripped), or None."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() == needle.strip():
            return number
    return None


def parse_vtt(data):
    """The cues of a WebVTT file given as bytes (or str), in file order."""
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            raise VTTError(_("Die WebVTT-Datei ist größer als 2 MB."))
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise VTTError(
                _("Die WebVTT-Datei ist nicht UTF-8-kodiert (Byte %(pos)s).")
                % {"pos": error.start + 1}
            ) from error
    else:
        text = data.removeprefix("\ufeff")
    try:
        captions = webvtt.from_string(text, strict=True).captions
    except MalformedFileError as error:
        raise VTTError(_("Zeile 1: Eine WebVTT-Datei muss mit „WEBVTT“ beginnen.")) from error
    except MalformedCaptionError as error:
        raise VTTError(_describe_caption_error(text, error)) from error
    cues = []
    for caption in captions:
        body = " ".join(line.strip() for line in caption.text.splitlines() if line.strip())
        if body:
            cues.append(Cue(caption.start_in_seconds, (caption.voice or "").strip(), body))
    if not cues:
        raise VTTError(_("Die WebVTT-Datei enthält keinen Untertitel mit Zeitangabe."))
    return cues


def _describe_caption_error(text, error):
    """webvtt-py names the malformed block, not its line: find the line ourselves."""
    block = error.args[0] if error.args else ""
    first = None
    if isinstance(block, str) and "[" in block:
        # "Invalid cue block ['00:00:01.000 --> 00:0x:04.000', 'Hallo']"
        inner = block[block.index("[") + 1 :].lstrip()
        if inner[:1] in "'\"":
            first = inner[1 : inner.find(inner[0], 1)]
    number = _line_of(text, first) if first else None
    if first and "-->" not in first:
        for offset, line in enumerate(text.splitlines()[number or 0 :], start=1):
            if "-->" in line:
                number, first = (number or 0) + offset, line
                break
    if number:
        return _(
            "Zeile %(line)s: ungültige Zeitangabe oder ungültiger Untertitel-Block "
            "(„%(content)s“). Erwartet wird z. B. „00:12:34.000 --> 00:12:40.000“, "
            "Blöcke getrennt durch eine Leerzeile."
        ) % {"line": number, "content": first[:80]}
    return _("Ungültiger Untertitel-Block: %(error)s") % {"error": str(error)[:200]}


def read_document_cues(document):
    """Parse a wagtaildocs Document's file; raises :class:`VTTError`."""
    if not document.filename.lower().endswith(".vtt"):
        raise VTTError(_("Bitte eine WebVTT-Datei (Endung .vtt) wählen."))
    try:
        with document.open_file() as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as error:
        raise VTTError(_("Die WebVTT-Datei konnte nicht gelesen werden.")) from error
    return parse_vtt(data)
