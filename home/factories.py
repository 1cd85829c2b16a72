"""Factories for the site-wide pages, shared by the tests and ``load_demo_content``.

Every page factory creates its page under ``parent=`` and publishes it through a
revision, as an editor would: the page is live, has a live revision and
``first_published_at``. Child objects (orderables) and ``ParentalManyToManyField`` values
are passed as lists, e.g. ``agenda=[AgendaItemFactory.build(...)]`` or
``themenfelder=[...]``; they are saved with the page and are part of its published
revision.

StreamField bodies are lists of blocks in Wagtail's raw JSON form; the ``*_block``
helpers below build them.
"""

import factory
import wagtail_factories

from home.models import HomePage, StandardPage


def heading_block(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph_block(html):
    return {"type": "paragraph", "value": html}


def quote_block(text, attribution=""):
    return {"type": "quote", "value": {"text": text, "attribution": attribution}}


def callout_block(title, html, link_url=""):
    return {
        "type": "callout",
        "value": {"title": title, "text": html, "link_page": None, "link_url": link_url},
    }


def simple_body(heading="Ausgangslage", text="Ein kurzer Absatz."):
    return [heading_block(heading), paragraph_block(f"<p>{text}</p>")]


class PublishedPageFactory(wagtail_factories.PageFactory):
    """Adds the page under ``parent`` and publishes a first revision."""

    class Meta:
        abstract = True

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        page = super()._create_instance(model_class, parent, kwargs)
        page.save_revision().publish()
        page.refresh_from_db()
        return page


class HomePageFactory(PublishedPageFactory):
    class Meta:
        model = HomePage

    title = "Initiative K"
    intro = "Kommunen zeigen Kommunen, wie Digitalisierung gelingt."


class StandardPageFactory(PublishedPageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Standardseite {n}")
    intro = "Eine einfache Inhaltsseite."
    body = factory.LazyAttribute(lambda o: simple_body(o.title, o.intro))
