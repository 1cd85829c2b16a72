from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Suche"

    def ready(self):
        from django.db.models.signals import post_migrate
        from wagtail.signals import page_published, page_unpublished

        from search import documents

        page_published.connect(documents.on_page_published, dispatch_uid=documents.PUBLISHED_UID)
        page_unpublished.connect(
            documents.on_page_unpublished, dispatch_uid="ik_search_documents_unpublished"
        )
        post_migrate.connect(documents.fill_if_empty, sender=self, dispatch_uid="ik_search_fill")
