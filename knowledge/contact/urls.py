"""URLs of contact (inside the language prefix): /kontakt/<id>/, /en/kontakt/<id>/."""

from django.urls import path

from . import views

app_name = "contact"

urlpatterns = [
    path("kontakt/<int:page_id>/", views.contact_form, name="form"),
    path("kontakt/<int:page_id>/danke/", views.contact_thanks, name="thanks"),
]
