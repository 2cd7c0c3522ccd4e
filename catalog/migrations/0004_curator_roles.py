"""Create the four curator roles as groups.

Permissions are created by Django only after migrate, so which role may do what is
kept in exhibition/roles.py and synced from a post_migrate handler.
"""

from django.db import migrations

ROLES = ["Registrar", "Curator", "Translator", "Head curator"]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLES:
        Group.objects.get_or_create(name=name)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=ROLES, user__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("catalog", "0003_workflow_and_history"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
