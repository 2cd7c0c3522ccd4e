"""An exhibition's galleries in English and Chinese (the Chinese page read "展厅
Gallery 3"): the two language fields, the English one filled from what was typed."""

from django.db import migrations, models


def english_from_untranslated(apps, schema_editor):
    Exhibition = apps.get_model("exhibition", "Exhibition")
    Exhibition.objects.exclude(galleries="").update(galleries_en=models.F("galleries"))


class Migration(migrations.Migration):
    dependencies = [
        ("exhibition", "0015_workflow_permissions"),
    ]

    operations = [
        migrations.AddField(
            model_name="exhibition",
            name="galleries_en",
            field=models.CharField(
                blank=True, max_length=100, null=True, verbose_name="galleries"
            ),
        ),
        migrations.AddField(
            model_name="exhibition",
            name="galleries_zh_hans",
            field=models.CharField(
                blank=True, max_length=100, null=True, verbose_name="galleries"
            ),
        ),
        migrations.RunPython(english_from_untranslated, migrations.RunPython.noop),
    ]
