"""Which curator role may do what: the groups' permissions, kept as code.

The groups themselves are made by a catalog data migration; Django creates
permissions only after migrate, so ``sync_roles`` runs from ``post_migrate``
(connected in ``ExhibitionConfig.ready``). It is idempotent: each group ends with
exactly the permissions listed here. Codenames that do not exist (yet) are skipped.
"""

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS

RECORDS = ["artifact", "photograph", "person"]
RECORD_PARTS = ["artifactimage", "citation", "source", "role"]


def perms(actions, models, app="catalog"):
    return [f"{app}.{action}_{model}" for model in models for action in actions]


# What every role reads of the exhibitions: the records' context.
EXHIBITION_VIEW = perms(
    ["view"],
    ["exhibition", "section", "sectionitem", "featuredperson", "audiostop"],
    app="exhibition",
)

REGISTRAR = [
    *perms(["view", "add", "change"], RECORDS + RECORD_PARTS),
    # Removing a wrong image or citation is part of editing a record.
    *perms(["delete"], ["artifactimage", "citation"]),
    "catalog.view_readiness",
    "catalog.view_mediaitem",
    # An import writes drafts only (catalog.workflow): entering records is theirs.
    "catalog.import_collection",
    *EXHIBITION_VIEW,
]

CURATOR = [
    *REGISTRAR,
    *perms(["submit"], RECORDS),
    # Clips (audio and video) are added on the page of their record or section.
    *perms(["add", "change", "delete"], ["mediaitem"]),
    *perms(
        ["view", "add", "change", "delete"],
        ["section", "sectionitem", "kiosk", "kioskitem"],
        app="exhibition",
    ),
    "exhibition.submit_section",
]

TRANSLATOR = [
    *perms(["view"], RECORDS + RECORD_PARTS),
    *perms(["translate"], RECORDS),
    "catalog.view_readiness",
    "catalog.view_mediaitem",
    *EXHIBITION_VIEW,
]

HEAD_CURATOR = [
    *CURATOR,
    *perms(["publish", "delete"], RECORDS),
    *perms(["delete"], ["source", "role"]),
    *perms(["add", "change", "delete"], ["exhibition"], app="exhibition"),
    # Featured people and audio-guide stops are edited on the exhibition's page.
    *perms(
        ["add", "change", "delete"], ["featuredperson", "audiostop"], app="exhibition"
    ),
    *perms(["publish"], ["section"], app="exhibition"),
    *perms(["submit", "publish"], ["exhibition"], app="exhibition"),
]

ROLES = {
    "Registrar": REGISTRAR,
    "Curator": CURATOR,
    "Translator": TRANSLATOR,
    "Head curator": HEAD_CURATOR,
}


def sync_roles(apps=global_apps, using=DEFAULT_DB_ALIAS, **kwargs):
    """Give each role group exactly its listed permissions; create missing groups."""
    if "plan" not in kwargs and kwargs.get("signal") is not None:
        # ``flush`` (no migration plan) empties the database on purpose, e.g.
        # before a backup is restored: leave it empty.
        return
    try:
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
    except LookupError:
        return
    for name, wanted in ROLES.items():
        group, _ = Group.objects.using(using).get_or_create(name=name)
        pairs = {tuple(label.split(".", 1)) for label in wanted}
        found = [
            permission
            for permission in Permission.objects.using(using).select_related(
                "content_type"
            )
            if (permission.content_type.app_label, permission.codename) in pairs
        ]
        group.permissions.set(found)
