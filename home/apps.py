from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Website"

    def ready(self):
        from home.page_cache import connect_purge_signals

        connect_purge_signals()
