"""Short helpers for writing StreamField bodies in the content modules."""

from home.factories import heading_block, paragraph_block, quote_block


def h(text, level="h2"):
    return heading_block(text, level)


def p(*paragraphs):
    """One paragraph block holding one ``<p>`` per argument."""
    return paragraph_block("".join(f"<p>{text}</p>" for text in paragraphs))


def ul(*items, intro=""):
    lead = f"<p>{intro}</p>" if intro else ""
    return paragraph_block(lead + "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>")


def quote(text, attribution=""):
    return quote_block(text, attribution)
