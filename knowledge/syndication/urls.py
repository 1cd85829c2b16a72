"""URLs of the feeds and open data exports (inside the language prefix: German at
``/feeds/…`` and ``/daten/…``, English at ``/en/feeds/…`` and ``/en/daten/…``).

The paths are not translated: they are stable addresses for feed readers and scripts.
"""

from django.urls import path

from . import open_data, views
from .feeds import KnowledgeAtomFeed, KnowledgeFeed

app_name = "syndication"

rss = KnowledgeFeed()
atom = KnowledgeAtomFeed()

urlpatterns = [
    path("feeds/", views.overview, name="overview"),
    path("feeds/wissen.rss", rss, name="wissen_rss"),
    path("feeds/wissen.atom", atom, name="wissen_atom"),
    path("feeds/themenfeld/<slug:slug>.rss", rss, name="themenfeld_rss"),
    path("feeds/themenfeld/<slug:slug>.atom", atom, name="themenfeld_atom"),
    path("feeds/land/<str:code>.rss", rss, name="land_rss"),
    path("feeds/land/<str:code>.atom", atom, name="land_atom"),
    path("daten/praxisbeispiele.csv", open_data.case_studies_csv, name="case_studies_csv"),
    path("daten/praxisbeispiele.json", open_data.case_studies_json, name="case_studies_json"),
]
