from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = "Wissen"

    def ready(self):
        from knowledge import labels
        from knowledge.models import CatalogueLabel

        def forget_labels(**kwargs):
            labels.forget()

        post_save.connect(forget_labels, sender=CatalogueLabel, weak=False)
        post_delete.connect(forget_labels, sender=CatalogueLabel, weak=False)
