"""The code columns are gone: artifacts and people point to their terms (0007)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('catalog', '0007_seed_and_link_vocabularies'),
    ]

    operations = [
        migrations.RemoveField(model_name='artifact', name='object_type'),
        migrations.RemoveField(model_name='historicalartifact', name='object_type'),
        migrations.RemoveField(model_name='person', name='nationality'),
        migrations.RemoveField(model_name='historicalperson', name='nationality'),
        migrations.RenameField(
            model_name='artifact', old_name='object_type_term', new_name='object_type'
        ),
        migrations.RenameField(
            model_name='historicalartifact',
            old_name='object_type_term',
            new_name='object_type',
        ),
        migrations.AlterField(
            model_name='artifact',
            name='object_type',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='artifacts', to='catalog.objecttype', verbose_name='object type'),
        ),
    ]
