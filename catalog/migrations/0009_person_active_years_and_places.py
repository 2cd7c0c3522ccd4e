"""A biography's "years in China" become the years and places it centres on, for
any exhibition's subject (issue 13). Renamed, so every value stays."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('catalog', '0008_drop_vocabulary_codes'),
    ]

    operations = [
        migrations.RenameField(model_name='person', old_name='china_years', new_name='active_display'),
        migrations.RenameField(model_name='person', old_name='china_years_en', new_name='active_display_en'),
        migrations.RenameField(model_name='person', old_name='china_years_zh_hans', new_name='active_display_zh_hans'),
        migrations.RenameField(model_name='person', old_name='china_from', new_name='active_from'),
        migrations.RenameField(model_name='person', old_name='china_to', new_name='active_to'),
        migrations.RenameField(model_name='person', old_name='china_places', new_name='active_places'),
        migrations.RenameField(model_name='person', old_name='china_places_en', new_name='active_places_en'),
        migrations.RenameField(model_name='person', old_name='china_places_zh_hans', new_name='active_places_zh_hans'),
        migrations.RenameField(model_name='historicalperson', old_name='china_years', new_name='active_display'),
        migrations.RenameField(model_name='historicalperson', old_name='china_years_en', new_name='active_display_en'),
        migrations.RenameField(model_name='historicalperson', old_name='china_years_zh_hans', new_name='active_display_zh_hans'),
        migrations.RenameField(model_name='historicalperson', old_name='china_from', new_name='active_from'),
        migrations.RenameField(model_name='historicalperson', old_name='china_to', new_name='active_to'),
        migrations.RenameField(model_name='historicalperson', old_name='china_places', new_name='active_places'),
        migrations.RenameField(model_name='historicalperson', old_name='china_places_en', new_name='active_places_en'),
        migrations.RenameField(model_name='historicalperson', old_name='china_places_zh_hans', new_name='active_places_zh_hans'),
    ]
