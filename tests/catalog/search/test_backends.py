"""The backend interface, on the database the suite runs on (run the suite on both):
every term must match, English is stemmed, rank follows the weights."""

import pytest
from django.db import connection

from catalog.search import backend, search
from catalog.search.backends import BACKENDS
from tests.factories import make_artifact, make_person

pytestmark = pytest.mark.django_db


def ranked(text):
    entries, _query = search(text)
    return list(backend().ranked(entries).values_list("kind", "record_id"))


def test_the_backend_is_the_databases_own():
    assert type(backend()) is BACKENDS[connection.vendor]


def test_every_term_must_match_and_english_is_stemmed():
    both = make_artifact(title_en="Field hospital doctors")
    make_artifact(title_en="Field kitchen")
    assert ranked("doctor hospitals") == [("artifact", both.pk)]
    assert ranked("doctor kitchen") == []


def test_a_title_match_ranks_above_a_description_match():
    described = make_artifact(title_en="Plain box", description_en="An astrolabe case.")
    titled = make_artifact(title_en="Astrolabe", description_en="A plain box.")
    assert ranked("astrolabe") == [("artifact", titled.pk), ("artifact", described.pk)]


def test_the_accession_number_comes_first_then_a_person_by_name():
    person = make_person(name_en="Robert Fortune")
    numbered = make_artifact(accession_number="RF-2", title_en="Fortune's tea")
    make_artifact(title_en="Fortune teller's table, Robert Fortune collection")
    assert ranked("RF-2")[0] == ("artifact", numbered.pk)
    assert ranked("Robert Fortune")[0] == ("person", person.pk)


def test_chinese_words_of_one_two_and_three_characters_are_found():
    dish = make_artifact(title_en="Dish", title_zh_hans="青花云龙纹大盘")
    make_artifact(title_en="Bowl", title_zh_hans="青瓷碗")
    assert ranked("盘") == [("artifact", dish.pk)]
    assert ranked("青花") == [("artifact", dish.pk)]
    assert ranked("云龙纹") == [("artifact", dish.pk)]
    assert ranked("花瓷") == []
