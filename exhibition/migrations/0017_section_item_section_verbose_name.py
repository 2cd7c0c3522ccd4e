"""A section item's section gets a translated name: the admin's column of the
sections a record is shown in read "SECTION" in the Chinese admin."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("exhibition", "0016_exhibition_galleries_translated"),
    ]

    operations = [
        migrations.AlterField(
            model_name="sectionitem",
            name="section",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="items",
                to="exhibition.section",
                verbose_name="section",
            ),
        ),
    ]
