from django.db import migrations


def create_locales(apps, schema_editor):
    """German is the default locale (created by Wagtail from LANGUAGE_CODE); add English."""
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in ("de", "en"):
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
