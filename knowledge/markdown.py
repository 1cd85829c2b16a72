"""Markdown texts (imports, the demo corpus) as sanitised HTML for Wagtail rich text."""

import re

import markdown
import nh3

ALLOWED_TAGS = {"p", "h2", "h3", "b", "i", "a", "ul", "ol", "li", "br"}
TAG_RENAMES = [  # Markdown/HTML tags -> Wagtail's rich text subset (before sanitising)
    (r"<(/?)h[12]\b", r"<\1h2"),
    (r"<(/?)h[3-6]\b", r"<\1h3"),
    (r"<(/?)strong\b", r"<\1b"),
    (r"<(/?)em\b", r"<\1i"),
]


def markdown_to_rich_text(text, title=""):
    """Markdown (with some inline HTML) -> sanitised HTML for a paragraph block."""
    text = re.sub(r"\{:[^}]*\}", "", text)  # kramdown attributes such as {: .img }
    text = re.sub(r"\{\{<[^>]*>\}\}", "", text)  # Hugo shortcodes
    html = markdown.markdown(text)
    if title:  # the page shows the title already
        html = re.sub(rf"^\s*<h1>{re.escape(title)}</h1>", "", html)
    for pattern, replacement in TAG_RENAMES:
        html = re.sub(pattern, replacement, html)
    html = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        link_rel=None,
        url_schemes={"http", "https", "mailto"},
        url_relative="deny",
    )
    html = re.sub(r"<a>(.*?)</a>", r"\1", html, flags=re.S)  # links whose URL was dropped
    html = re.sub(r"<p>\s*</p>", "", html)
    if not html.lstrip().startswith(("<p", "<h", "<ul", "<ol")):
        html = f"<p>{html}</p>"
    return html.strip()
