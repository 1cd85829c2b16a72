"""Helpers for tests that read pages as a visitor would."""

from bs4 import BeautifulSoup


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def facts(html):
    """The facts box of a case study as {term: definition text}."""
    box = html.select_one("aside.facts")
    assert box is not None, "no facts box"
    return {
        dt.get_text(" ", strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
        for dt in box.find_all("dt")
    }


def template_names(response):
    return [t.name for t in response.templates]
