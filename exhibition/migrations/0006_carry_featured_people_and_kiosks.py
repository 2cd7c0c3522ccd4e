"""Carry today's data into the many-exhibitions model: featured people become each
exhibition's ordered list, kiosks belong to an exhibition, and the museum gets its
row where there were exhibitions (named after the first one's venue, for curators
to complete)."""

from django.db import migrations


def forwards(apps, schema_editor):
    Exhibition = apps.get_model("exhibition", "Exhibition")
    FeaturedPerson = apps.get_model("exhibition", "FeaturedPerson")
    Kiosk = apps.get_model("exhibition", "Kiosk")
    Museum = apps.get_model("exhibition", "Museum")
    Person = apps.get_model("catalog", "Person")

    exhibitions = list(Exhibition.objects.order_by("pk"))
    featured = list(Person.objects.filter(featured=True).order_by("name", "pk"))
    for exhibition in exhibitions:
        FeaturedPerson.objects.bulk_create(
            FeaturedPerson(exhibition=exhibition, person=person, position=position)
            for position, person in enumerate(featured)
        )

    for kiosk in Kiosk.objects.filter(exhibition__isnull=True):
        section = kiosk.sections.order_by("exhibition_id").first()
        if section is not None:
            kiosk.exhibition_id = section.exhibition_id
        elif exhibitions:
            kiosk.exhibition = exhibitions[0]
        else:
            # A kiosk with nothing to belong to keeps working in a draft exhibition.
            kiosk.exhibition = Exhibition.objects.create(
                slug="exhibition", title="Exhibition", title_en="Exhibition"
            )
            exhibitions.append(kiosk.exhibition)
        kiosk.save(update_fields=["exhibition"])

    # An installation with exhibitions had its museum named in the templates; a
    # fresh one has no row until curators (or the demo) make it.
    if exhibitions and not Museum.objects.exists():
        first = exhibitions[0]
        Museum.objects.create(
            name=first.venue or "Museum",
            name_en=first.venue_en or first.venue or "Museum",
            name_zh_hans=first.venue_zh_hans or "",
            galleries=first.galleries,
            galleries_en=first.galleries,
        )


def backwards(apps, schema_editor):
    FeaturedPerson = apps.get_model("exhibition", "FeaturedPerson")
    Person = apps.get_model("catalog", "Person")
    featured = FeaturedPerson.objects.values_list("person_id", flat=True)
    Person.objects.filter(pk__in=featured).update(featured=True)


class Migration(migrations.Migration):
    dependencies = [
        ("exhibition", "0005_museum_and_many_exhibitions"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
