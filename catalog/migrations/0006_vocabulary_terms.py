"""Object types and nationalities become tables of terms (issue 13).

The old code columns stay until 0007 has linked every artifact and person to its
term; 0008 drops them."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('catalog', '0005_longer_text_for_demo_content'),
    ]

    operations = [
        migrations.CreateModel(
            name='Nationality',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.SlugField(allow_unicode=True, help_text='Stable: the import, the export and addresses use it. Letters, digits, hyphens.', max_length=60, unique=True, verbose_name='code')),
                ('label', models.CharField(max_length=200, verbose_name='label')),
                ('label_en', models.CharField(max_length=200, null=True, verbose_name='label')),
                ('label_zh_hans', models.CharField(max_length=200, null=True, verbose_name='label')),
                ('position', models.PositiveSmallIntegerField(default=100, help_text='Lower numbers are listed first.', verbose_name='position')),
            ],
            options={
                'verbose_name': 'nationality or culture',
                'verbose_name_plural': 'nationalities and cultures',
                'ordering': ['position', 'code'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='ObjectType',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.SlugField(allow_unicode=True, help_text='Stable: the import, the export and addresses use it. Letters, digits, hyphens.', max_length=60, unique=True, verbose_name='code')),
                ('label', models.CharField(max_length=200, verbose_name='label')),
                ('label_en', models.CharField(max_length=200, null=True, verbose_name='label')),
                ('label_zh_hans', models.CharField(max_length=200, null=True, verbose_name='label')),
                ('position', models.PositiveSmallIntegerField(default=100, help_text='Lower numbers are listed first.', verbose_name='position')),
            ],
            options={
                'verbose_name': 'object type',
                'verbose_name_plural': 'object types',
                'ordering': ['position', 'code'],
                'abstract': False,
            },
        ),
        migrations.AddField(
            model_name='artifact',
            name='object_type_term',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='artifacts', to='catalog.objecttype', verbose_name='object type'),
        ),
        migrations.AddField(
            model_name='historicalartifact',
            name='object_type_term',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='catalog.objecttype', verbose_name='object type'),
        ),
        migrations.AddField(
            model_name='person',
            name='nationalities',
            field=models.ManyToManyField(blank=True, related_name='people', to='catalog.nationality', verbose_name='nationalities or cultures'),
        ),
    ]
