"""schema.org JSON-LD blocks for pages (events, recordings)."""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe


def json_script_safe(data):
    """JSON for a <script> element: <, > and & (and U+2028/9) as \\u escapes, so that no
    text can end the script."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def json_ld_script(data):
    """``data`` as a ``<script type="application/ld+json">`` block."""
    return format_html(
        '<script type="application/ld+json">{}</script>', mark_safe(json_script_safe(data))
    )
