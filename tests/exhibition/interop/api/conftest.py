"""A small world for the API's tests: public records beside hidden ones of every
kind, hung so that a hidden record sits next to every public one."""

from types import SimpleNamespace

import pytest

from catalog.models import Role, Status
from tests.factories import (
    feature,
    hang,
    make_artifact,
    make_exhibition,
    make_person,
    make_photograph,
    make_section,
)

HIDDEN = [Status.DRAFT, Status.REVIEW, Status.WITHDRAWN]


@pytest.fixture
def world(db):
    show = make_exhibition(
        slug="ceramics",
        title_en="Fire and Clay",
        title_zh_hans="火与土",
        opening_date="2020-01-01",
        kind="permanent",
    )
    kilns = make_section(show, slug="kilns", title_en="Kilns", title_zh_hans="窑")
    glazes = make_section(show, slug="glazes", title_en="Glazes", title_zh_hans="釉")
    secret_room = make_section(
        show, slug="secret-room", title_en="Secret room", status=Status.DRAFT
    )
    hidden_show = make_exhibition(
        slug="hidden-show", title_en="Hidden show", status=Status.DRAFT
    )
    backstage = make_section(hidden_show, slug="backstage", title_en="Backstage")

    potter = Role.objects.create(slug="potter", name_en="Potter", name_zh_hans="陶工")
    maker = make_person(
        slug="maker", name_en="Mei Maker", name_zh_hans="梅师傅", active_from=1935
    )
    maker.roles.add(potter)
    secret_person = make_person(
        slug="secret-person", name_en="Secret Person", status=Status.DRAFT
    )
    guild = make_person(slug="guild", name_en="Kiln Guild", kind="group")
    maker.groups.add(guild)
    secret_person.groups.add(guild)
    feature(show, secret_person, position=0)
    feature(show, maker, position=1)

    bowl = make_artifact(
        slug="blue-bowl",
        title_en="Blue bowl",
        title_zh_hans="青碗",
        description_en="A bowl.",
        year_from=1936,
        year_to=1937,
        object_type="vessel",
    )
    jar = make_artifact(
        slug="red-jar",
        title_en="Red jar",
        title_zh_hans="",
        year_from=1941,
        year_to=1942,
        with_image=False,
    )
    bowl.people.add(maker, secret_person)
    hidden_records = {
        "artifacts": [
            make_artifact(
                slug=f"{status}-vase", title_en=f"{status} vase", status=status
            )
            for status in HIDDEN
        ],
        "photographs": [
            make_photograph(
                slug=f"{status}-photo", title_en=f"{status} photo", status=status
            )
            for status in HIDDEN
        ],
    }
    photo = make_photograph(slug="kiln-photo", title_en="Kiln at night", year_from=1938)
    photo.people.add(maker)
    for vase in hidden_records["artifacts"]:
        vase.people.add(maker)
        hang(kilns, vase, position=0)
    hang(kilns, jar, position=1)
    hang(kilns, bowl, position=2)
    hang(glazes, photo, position=0)
    for hidden_photo in hidden_records["photographs"]:
        hang(glazes, hidden_photo, position=1)
    hang(secret_room, bowl)
    hang(backstage, bowl)
    lone = make_artifact(slug="lone-cup", title_en="Lone cup")
    hang(backstage, lone)
    return SimpleNamespace(
        show=show,
        kilns=kilns,
        glazes=glazes,
        maker=maker,
        guild=guild,
        bowl=bowl,
        jar=jar,
        photo=photo,
        lone=lone,
        hidden_records=hidden_records,
        hidden_slugs={
            "hidden-show",
            "backstage",
            "secret-room",
            "secret-person",
            *(r.slug for records in hidden_records.values() for r in records),
        },
        hidden_titles={
            "Hidden show",
            "Backstage",
            "Secret room",
            "Secret Person",
            *(r.title_en for records in hidden_records.values() for r in records),
        },
    )


def slugs(response):
    assert response.status_code == 200, response.content
    return [record["slug"] for record in response.json()["results"]]
