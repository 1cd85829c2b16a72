"""The iCalendar files of the events, inside the language prefix (``/en/kalender/…``)."""

from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("kalender/veranstaltungen.ics", views.upcoming_ical, name="ical_upcoming"),
    path("kalender/reihe/<int:pk>.ics", views.series_ical, name="ical_series"),
    path("kalender/veranstaltung/<int:pk>.ics", views.event_ical, name="ical_event"),
]
