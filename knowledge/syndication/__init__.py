"""Subscribing and re-using the knowledge base: RSS/Atom feeds and open data exports.

- ``feeds.py``: RSS 2.0 and Atom 1.0 feeds of new case studies and learnings, overall,
  per OZG-Themenfeld and per Land (``django.contrib.syndication``).
- ``open_data.py``: all published case studies as CSV and JSON, with the data licence.
- ``views.py``: the page listing every feed and export.

Everything offered is what a visitor could see: live, public pages of the current site
in the active language (``queries.visible``). Contact persons are never part of it.
"""
