"""Only what visitors can see moves the content version: a draft's save, a
translator's work on a draft or an import of drafts leaves every cached page in
place; a publish, a withdrawal or an edit of something published replaces them at
once. And a cached page never outlives the day it was made for."""

import datetime

import pytest
from django.utils import timezone

from catalog.models import ObjectType, Status
from catalog.transfer.writing import records_imported
from exhibition.page_cache import database_version
from tests.factories import hang, make_artifact, make_exhibition, make_section

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("version_trusted_from_the_cache"),
]

SECTION = "/exhibitions/first/rescue/"


def band(html, state):
    """The part of the exhibitions page that lists one state's exhibitions."""
    start = html.index(f'id="{state}"')
    return html[start : html.index("</section>", start)]


def served_from_cache(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response.get("X-Page-Cache") == "hit"


def test_a_draft_save_leaves_a_cached_page_in_place_and_a_publish_replaces_it(
    client, shown
):
    client.get(SECTION)
    assert served_from_cache(client, SECTION)
    before = database_version()

    draft = make_artifact(slug="log-book", title_en="Log book", status=Status.DRAFT)
    hang(shown.section_items.get().section, draft)  # hung, but not yet public
    draft.title_zh_hans = "航海日志"  # a translator's work on the draft
    draft.save()
    assert database_version() == before
    assert served_from_cache(client, SECTION)

    draft.status = Status.PUBLISHED
    draft.save()
    assert database_version() > before
    response = client.get(SECTION)
    assert response["X-Page-Cache"] == "miss"
    assert "Log book" in response.content.decode()


def test_a_withdrawal_and_an_edit_of_a_published_record_replace_the_page(client, shown):
    client.get(SECTION)
    shown.title_en = "Rib shears, mended"
    shown.save()
    assert "mended" in client.get(SECTION).content.decode()
    shown.status = Status.WITHDRAWN
    shown.save()
    assert "Rib shears" not in client.get(SECTION).content.decode()
    # Withdrawn, its later edits are a draft's again: the page stays.
    assert served_from_cache(client, SECTION)
    shown.title_en = "Rib shears, to be reworded"
    shown.save()
    assert served_from_cache(client, SECTION)


def test_reordering_a_published_section_is_public(client, shown):
    second = make_artifact(slug="splint", title_en="Splint")
    first = shown.section_items.get()
    hang(first.section, second, position=5)
    client.get(SECTION)
    before = database_version()
    first.position = 9
    first.save()
    assert database_version() > before
    html = client.get(SECTION).content.decode()
    assert html.index("Splint") < html.index("Rib shears")


def test_an_import_of_drafts_changes_nothing_visitors_see(client, shown):
    draft = make_artifact(slug="imported", status=Status.DRAFT)
    before = database_version()
    records_imported.send(sender=None, written={type(draft): [draft.pk]})
    assert database_version() == before
    records_imported.send(sender=None, written={type(shown): [shown.pk]})
    assert database_version() > before


def test_a_vocabulary_term_is_public_only_once_a_published_record_shows_it(shown):
    term = ObjectType.objects.create(code="astrolabe", label_en="Astrolabe")
    make_artifact(slug="draft-astrolabe", object_type=term, status=Status.DRAFT)
    before = database_version()
    term.label_zh_hans = "星盘"
    term.save()
    assert database_version() == before
    shown.object_type = term
    shown.save()
    moved = database_version()
    term.label_en = "Planispheric astrolabe"
    term.save()
    assert database_version() > moved


def test_an_exhibition_opening_at_midnight_is_current_on_the_first_request_after(
    client, page_cache, monkeypatch
):
    evening = timezone.make_aware(datetime.datetime(2031, 5, 17, 23, 59))
    monkeypatch.setattr(timezone, "now", lambda: evening)
    opening = make_exhibition(
        slug="opening",
        title_en="Opening tomorrow",
        opening_date=datetime.date(2031, 5, 18),
    )
    make_section(opening, slug="first-room")
    before = client.get("/exhibitions/").content.decode()
    assert "Opening tomorrow" in band(before, "upcoming")
    assert "Opening tomorrow" not in band(before, "current")
    assert served_from_cache(client, "/exhibitions/")

    after_midnight = evening + datetime.timedelta(minutes=2)
    monkeypatch.setattr(timezone, "now", lambda: after_midnight)
    after = client.get("/exhibitions/")
    assert after["X-Page-Cache"] == "miss"
    assert "Opening tomorrow" in band(after.content.decode(), "current")
