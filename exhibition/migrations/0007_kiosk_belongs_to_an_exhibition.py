# Every kiosk has its exhibition now (0006), so the field becomes required.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("exhibition", "0006_carry_featured_people_and_kiosks"),
    ]

    operations = [
        migrations.AlterField(
            model_name="kiosk",
            name="exhibition",
            field=models.ForeignKey(
                help_text="The exhibition whose sections the kiosk shows.",
                on_delete=django.db.models.deletion.PROTECT,
                related_name="kiosks",
                to="exhibition.exhibition",
                verbose_name="exhibition",
            ),
        ),
    ]
