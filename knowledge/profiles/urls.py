"""URLs of the municipality profiles (inside the language prefix: ``/kommunen/08111000/``,
``/en/kommunen/08111000/``; the path is the same in both languages, like ``kalender/``)."""

from django.urls import path, re_path

from . import views

app_name = "profiles"

urlpatterns = [
    path("kommunen/", views.profile_index, name="index"),
    # Any key-like segment reaches the view, which answers 404 for a malformed one.
    re_path(r"^kommunen/(?P<ags>[^/]{1,20})/$", views.profile, name="detail"),
]
