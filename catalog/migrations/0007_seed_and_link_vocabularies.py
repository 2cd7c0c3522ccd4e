"""Seed the vocabularies and link every artifact and person to their terms.

Every artifact keeps its type and every biography its nationality. "CZ" was
labelled "Czechoslovak", so it becomes the historical state CS (Czechoslovakia),
which is what visitors read; "XX" ("several nationalities") becomes no term: a
person of several nationalities now has several terms, and a "several" term would
hide the group from each nationality's filter."""

from django.db import migrations

from catalog import seed_terms

RENAMED = {"CZ": "CS"}
SEVERAL = "XX"


def term(model, code):
    found = model.objects.filter(code=code).first()
    return found or model.objects.create(code=code, label=code, label_en=code)


def forward(apps, schema_editor):
    ObjectType = apps.get_model("catalog", "ObjectType")
    Nationality = apps.get_model("catalog", "Nationality")
    seed_terms.seed(ObjectType, Nationality)
    for name in ("Artifact", "HistoricalArtifact"):
        model = apps.get_model("catalog", name)
        codes = model.objects.values_list("object_type", flat=True).distinct()
        for code in list(codes):
            if code:
                model.objects.filter(object_type=code).update(
                    object_type_term=term(ObjectType, code)
                )
    Person = apps.get_model("catalog", "Person")
    through = Person.nationalities.through
    links = []
    for pk, code in Person.objects.values_list("pk", "nationality"):
        if code and code != SEVERAL:
            nationality = term(Nationality, RENAMED.get(code, code))
            links.append(through(person_id=pk, nationality_id=nationality.pk))
    through.objects.bulk_create(links)


def backward(apps, schema_editor):
    Artifact = apps.get_model("catalog", "Artifact")
    for artifact in Artifact.objects.select_related("object_type_term"):
        artifact.object_type = artifact.object_type_term.code[:20]
        artifact.save(update_fields=["object_type"])
    Person = apps.get_model("catalog", "Person")
    back = {new: old for old, new in RENAMED.items()}
    for person in Person.objects.prefetch_related("nationalities"):
        codes = [n.code for n in person.nationalities.all()]
        code = codes[0] if len(codes) == 1 else SEVERAL
        person.nationality = back.get(code, code)[:2]
        person.save(update_fields=["nationality"])


class Migration(migrations.Migration):

    dependencies = [
        ("catalog", "0006_vocabulary_terms"),
    ]

    operations = [migrations.RunPython(forward, backward)]
