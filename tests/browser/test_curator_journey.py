"""The curators' whole job in a real browser, through the real login.

A head curator builds an exhibition on a subject of its own and publishes it; a
visitor with no cookies then reads it and sees nothing of the demo exhibitions.
Then the other roles' edges: a translator translates but cannot publish, a
registrar imports but cannot publish, a curator's draft stays hidden until a head
curator approves it. The admin runs in English and in Chinese: every control is
found by its field name or id. Each journey prints what it took.
"""

import csv
import html
import io

import pytest

from tests.browser.conftest import DemoSite
from tests.browser.journey_helpers import (
    HANDBOOK,
    SHANG,
    SONG,
    UNTRANSLATED,
    Journey,
    RecoveryCodes,
    jpeg,
    prepare_staff,
)

# The admin's language → the public pages' prefix and the content fields' suffix.
LANGUAGES = {"en": ("", "en"), "zh-hans": ("/zh-hans", "zh_hans")}
SUBJECTS = {"en": SONG, "zh-hans": SHANG}
OTHER = {"en": "zh_hans", "zh_hans": "en"}

ADD = 'a[href$="/{}/add/"]'
LIST = 'a[href$="/{}/"]'
CONTINUE = "[name=_continue]"
PUBLISH = "button[name=_workflow][value=publish]"
PUBLISH_WITH_SECTIONS = "button[name=_workflow][value=publish_with_sections]"
SUBMIT_FOR_REVIEW = "button[name=_workflow][value=submit]"
MISSING = ".curator-missing li"
CITATIONS = "#catalog-citation-content_type-object_id-group"
# The artifact form's inline of the sections it hangs in.
SHOWN_IN = ".inline-group:has(select[name$='-section'])"
# The head curator's whole journey takes fewer clicks than this (issue 23), in
# either language.
CLICK_TARGET = 40


def both(values, name):
    """``{name_en: …, name_zh_hans: …}`` from ``{"en": …, "zh_hans": …}``."""
    return {f"{name}_{language}": text for language, text in values.items()}


@pytest.fixture(scope="module")
def journey_site(tmp_path_factory, site):
    """The demo on a database of its own, so what the journeys publish is not in
    the pages the other browser tests check."""
    journeys = DemoSite(tmp_path_factory.mktemp("journey-site"), built_from=site)
    yield journeys
    journeys.stop()


@pytest.fixture(scope="module")
def demo_titles(journey_site):
    return prepare_staff(journey_site)


@pytest.fixture(scope="module")
def codes(demo_titles):
    return RecoveryCodes()


@pytest.fixture
def open_browser(browser, journey_site, screenshot):
    """``open_browser(name)``: a fresh browser context for one person."""
    contexts = []

    def open_for(name):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        return Journey(context.new_page(), journey_site.url, screenshot, name)

    yield open_for
    for context in contexts:
        context.close()


def read_as_visitor(visitor, path, expected, demo_titles):
    """Open ``path`` with no cookies; it shows ``expected`` and no demo title."""
    response = visitor.goto(path)
    assert response.status == 200, path
    text = visitor.page.locator("main").inner_text()
    for wanted in expected:
        assert wanted in text, f"{path}: {wanted!r} not shown"
    page = html.unescape(visitor.page.content())
    shown = [title for title in demo_titles if title in page]
    assert not shown, f"{path} shows demo exhibitions: {shown}"


def cite(journey, subject, lang):
    row = journey.row(CITATIONS)
    journey.pick(f'[name="{row}source"]', subject.source["title"][lang])


def ready_to_publish(journey):
    """The readiness checks, shown on the saved form, ask for nothing more."""
    assert journey.page.locator(MISSING).all_inner_texts() == []


def publish_from_form(journey):
    ready_to_publish(journey)
    journey.submit(PUBLISH)
    assert journey.page.locator(PUBLISH).count() == 0


def create_artifact(journey, subject, lang, artifact):
    """An artifact with an uploaded image, both languages and a citation, saved;
    returns its slug."""
    journey.follow(ADD.format("catalog/artifact"))
    journey.fill("#id_accession_number", artifact["accession"])
    journey.fill_all(both(artifact["title"], "title"))
    journey.fill_all(both(artifact["description"], "description"))
    journey.fill_all(both(artifact["date"], "date_display"))
    journey.fill("#id_year_from", artifact["year"])
    journey.fill_all(both(subject.rights, "rights"))
    row = journey.row("#images-group")
    image = jpeg(artifact["color"], artifact["accession"])
    journey.attach(f'[name="{row}image"]', f"{artifact['accession']}.jpg", image)
    journey.fill_all(both(artifact["title"], "alt_text"), prefix=row)
    cite(journey, subject, lang)
    slug = journey.page.input_value("#id_slug")
    journey.submit(CONTINUE)
    return slug


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_head_curator_builds_and_publishes_an_exhibition_visitors_can_read(
    language, open_browser, demo_titles, codes
):
    subject = SUBJECTS[language]
    prefix, lang = LANGUAGES[language]
    head = open_browser(f"head-{language}")
    head.log_in("head", codes.next("head"), language)
    head.shot("admin-home")

    # A source for the citations every published record needs.
    head.follow(ADD.format("catalog/source"))
    head.fill("#id_key", subject.source["key"])
    head.fill_all(both(subject.source["title"], "title"))
    head.choose("#id_kind", "book")
    head.submit("[name=_save]")

    # The person the exhibition features: a biography first, published.
    head.follow(ADD.format("catalog/person"))
    head.fill_all(both(subject.person["name"], "name"))
    head.fill("#id_active_from", subject.person["active_from"])
    head.fill_all(both(subject.person["summary"], "summary"))
    cite(head, subject, lang)
    head.submit(CONTINUE)
    head.shot("person-saved")
    publish_from_form(head)

    # The exhibition, its two sections and its featured person on its own form.
    head.follow(ADD.format("exhibition/exhibition"))
    head.fill_all(both(subject.title, "title"))
    head.fill_all(both(subject.introduction, "introduction"))
    head.fill("#id_timeline_start", str(subject.years[0]))
    head.fill("#id_timeline_end", str(subject.years[1]))
    for section in subject.sections:
        row = head.row("#sections-group")
        head.fill_all(both(section["title"], "title"), prefix=row)
    row = head.row("#featured-group")
    head.pick(f'[name="{row}person"]', subject.person["name"][lang])
    slug = head.page.input_value("#id_slug")
    head.shot("exhibition-form")
    head.submit(CONTINUE)
    head.shot("exhibition-saved")
    section_slugs = [
        head.page.input_value(f'[name="sections-{number}-slug"]')
        for number in range(len(subject.sections))
    ]
    assert all(section_slugs), "the new sections were given no slug"
    # Saved in the order they were added, with what was typed in both languages.
    assert (
        head.page.input_value('[name="sections-0-title_en"]')
        == (subject.sections[0]["title"]["en"])
    )
    assert (
        head.page.input_value('[name="sections-1-title_zh_hans"]')
        == (subject.sections[1]["title"]["zh_hans"])
    )

    # Two artifacts, published; the second hung in the second section from its
    # own form (saved with the publish button).
    first, second = subject.artifacts
    first_slug = create_artifact(head, subject, lang, first)
    publish_from_form(head)
    head.shot("artifact-published")
    second_slug = create_artifact(head, subject, lang, second)
    row = head.row(SHOWN_IN)
    shown_in = f"{subject.title[lang]} › {subject.sections[1]['title'][lang]}"
    head.choose(f'[name="{row}section"]', label=shown_in)
    head.shot("artifact-hung")
    publish_from_form(head)
    assert head.page.input_value(f'[name="{row}id"]'), "not hung in the section"

    # The first hung from the first section's form, which gets its introduction.
    opening = subject.sections[0]
    head.follow(LIST.format("exhibition/section"))
    head.follow(f"#result_list a:text-is('{opening['title'][lang]}')")
    head.fill_all(both(opening["introduction"], "introduction"))
    row = head.row("#items-group")
    head.pick(f'[name="{row}artifact"]', first["title"][lang])
    head.shot("section-form")
    head.submit(CONTINUE)

    # Publish the exhibition and its sections.
    head.follow(LIST.format("exhibition/exhibition"))
    head.follow(f"#result_list a:text-is('{subject.title[lang]}')")
    head.submit(PUBLISH_WITH_SECTIONS)
    assert head.page.input_value("#id_status") == "published"
    for number in range(len(subject.sections)):
        status = head.page.input_value(f'[name="sections-{number}-status"]')
        assert status == "published", f"section {number} is {status}"
    head.shot("exhibition-published")
    print(f"journey: {head} (target: fewer than {CLICK_TARGET} clicks)")
    assert head.failing == 0
    assert head.clicks < CLICK_TARGET, str(head)

    # A visitor, with no cookies, in the admin's language and the other one.
    visitor = open_browser(f"visitor-{language}")
    base = f"{prefix}/exhibitions/{slug}/"
    read_as_visitor(
        visitor,
        base,
        [
            subject.title[lang],
            subject.introduction[lang],
            subject.person["name"][lang],
            *(section["title"][lang] for section in subject.sections),
        ],
        demo_titles,
    )
    visitor.shot("exhibition")
    read_as_visitor(
        visitor,
        f"{base}{section_slugs[0]}/",
        [opening["title"][lang], opening["introduction"][lang], first["title"][lang]],
        demo_titles,
    )
    visitor.shot("section")
    read_as_visitor(
        visitor,
        f"{base}timeline/",
        [
            subject.years_label[lang],
            first["title"][lang],
            second["title"][lang],
            first["date"][lang],
        ],
        demo_titles,
    )
    visitor.shot("timeline")
    read_as_visitor(
        visitor,
        f"{prefix}/artifacts/{second_slug}/",
        [second["title"][lang], second["description"][lang], second["date"][lang]],
        demo_titles,
    )
    visitor.shot("artifact")
    other_prefix = "" if prefix else "/zh-hans"
    read_as_visitor(
        visitor,
        f"{other_prefix}/exhibitions/{slug}/",
        [subject.title[OTHER[lang]], subject.introduction[OTHER[lang]]],
        demo_titles,
    )
    read_as_visitor(
        visitor,
        f"{prefix}/artifacts/{first_slug}/",
        [first["title"][lang]],
        demo_titles,
    )


# -- the other roles' edges ---------------------------------------------------------


def open_record(journey, model, words):
    """From anywhere in the admin: the list of ``model``, a search, the record
    whose link reads ``words`` (an accession number, a title)."""
    journey.follow(LIST.format(model))
    journey.fill("#searchbar", words)
    journey.submit_with_enter("#searchbar")
    journey.follow(f"#result_list a:text-is('{words}')")


def publish_by_hand(journey, form_selector):
    """What someone without the button could still try: a publish button added to
    the form (as from the browser's developer tools), then the list's publish
    action posted directly. Returns the messages the form's attempt got."""
    journey.page.evaluate(
        """(form) => {
            const button = document.createElement("button");
            button.name = "_workflow";
            button.value = "publish";
            button.id = "crafted-publish";
            document.querySelector(form).append(button);
        }""",
        form_selector,
    )
    journey.submit("#crafted-publish", expect_failure=True)
    errors = journey.page.locator(".messagelist .error").all_inner_texts()
    record_id = journey.page.url.rstrip("/").split("/")[-2]
    changelist = journey.page.url.rsplit("/", 3)[0] + "/"
    token = journey.page.locator("[name=csrfmiddlewaretoken]").first.input_value()
    journey.submissions += 1
    answer = journey.page.request.post(
        changelist,
        form={
            "csrfmiddlewaretoken": token,
            "action": "publish",
            "_selected_action": record_id,
            "index": "0",
        },
        headers={"Referer": changelist},
    )
    assert answer.status < 500
    return errors


def cannot_publish(journey):
    assert journey.page.locator(PUBLISH).count() == 0


def no_publish_action(journey, model):
    journey.goto(f"/admin/{model}/")
    assert (
        journey.page.locator("select[name=action] option[value=publish]").count() == 0
    )


def test_a_translator_translates_a_record_but_cannot_publish_it(
    open_browser, demo_titles, codes
):
    translator = open_browser("translator-zh-hans")
    translator.log_in("translator", codes.next("translator"), "zh-hans")
    open_record(translator, "catalog/artifact", UNTRANSLATED["accession_number"])
    # A translator changes the text, in both languages, and nothing else.
    assert translator.page.locator("#id_accession_number").count() == 0
    assert translator.page.locator("#id_year_from").count() == 0
    chinese = {
        "title_zh_hans": "汝窑笔洗",
        "description_zh_hans": "天青色开片釉浅盘。",
        "rights_zh_hans": "图片：本馆拍摄。",
    }
    translator.fill_all(chinese)
    translator.shot("translating")
    translator.submit(CONTINUE)
    for name, text in chinese.items():
        assert translator.page.input_value(f"#id_{name}") == text
    # Complete in both languages now: only the role keeps it from the public.
    ready_to_publish(translator)
    cannot_publish(translator)
    errors = publish_by_hand(translator, "#artifact_form")
    assert errors, "the crafted publish was not refused"
    translator.shot("publish-refused")
    no_publish_action(translator, "catalog/artifact")
    print(translator)
    visitor = open_browser("visitor")
    assert visitor.status_of(f"/artifacts/{UNTRANSLATED['slug']}/") == 404


def import_file(rows):
    data = io.StringIO()
    writer = csv.DictWriter(data, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return data.getvalue().encode()


def test_a_registrar_imports_records_but_cannot_publish_them(
    open_browser, demo_titles, codes
):
    row = {
        "kind": "artifact",
        "accession_number": "IMPORT-2024-001",
        "slug": "jun-ware-flowerpot",
        "status": "published",
        "title_en": "Jun ware flowerpot",
        "title_zh_hans": "钧窑花盆",
        "description_en": "A flowerpot in a purple-splashed glaze.",
        "description_zh_hans": "紫斑釉花盆。",
        "rights_en": "Photograph: the museum.",
        "rights_zh_hans": "图片：本馆拍摄。",
        "year_from": "1100",
        "citations": HANDBOOK["key"],
    }
    registrar = open_browser("registrar-en")
    registrar.log_in("registrar", codes.next("registrar"), "en")
    registrar.follow(LIST.format("catalog/collectionimport"))
    registrar.attach("#id_csv_file", "rows.csv", import_file([row]))
    registrar.submit("#content-main form [type=submit]")
    # An import never publishes: the row asking for it is refused, nothing written.
    problems = registrar.page.locator(".import-result tbody tr")
    assert problems.count() == 1
    assert "status" in problems.first.inner_text()
    registrar.shot("import-refused")
    registrar.goto("/admin/catalog/collectionimport/")
    registrar.attach(
        "#id_csv_file", "rows.csv", import_file([{**row, "status": "draft"}])
    )
    registrar.submit("#content-main form [type=submit]")
    assert registrar.page.locator(".import-result tbody tr").count() == 0
    registrar.shot("imported")
    open_record(registrar, "catalog/artifact", row["accession_number"])
    ready_to_publish(registrar)
    cannot_publish(registrar)
    assert registrar.page.locator(SUBMIT_FOR_REVIEW).count() == 0
    assert publish_by_hand(registrar, "#artifact_form")
    no_publish_action(registrar, "catalog/artifact")
    print(registrar)
    visitor = open_browser("visitor")
    assert visitor.status_of(f"/artifacts/{row['slug']}/") == 404


def test_a_curators_draft_is_hidden_from_visitors_until_a_head_curator_approves(
    open_browser, demo_titles, codes
):
    subject = SONG
    draft = {
        "accession": "SONG-2024-003",
        "title": {"en": "Jun ware bowl", "zh_hans": "钧窑碗"},
        "description": {
            "en": "A bowl with a lavender-blue glaze and a purple splash.",
            "zh_hans": "天蓝釉紫斑碗。",
        },
        "date": {"en": "12th century", "zh_hans": "12世纪"},
        "year": "1150",
        "color": (110, 120, 170),
    }
    curator = open_browser("curator-zh-hans")
    curator.log_in("curator", codes.next("curator"), "zh-hans")
    curator.follow(ADD.format("catalog/artifact"))
    curator.fill("#id_accession_number", draft["accession"])
    curator.fill_all(both(draft["title"], "title"))
    curator.fill_all(both(draft["description"], "description"))
    curator.fill("#id_year_from", draft["year"])
    curator.fill_all(both(subject.rights, "rights"))
    row = curator.row("#images-group")
    curator.attach(f'[name="{row}image"]', "bowl.jpg", jpeg(draft["color"], "bowl"))
    curator.fill_all(both(draft["title"], "alt_text"), prefix=row)
    row = curator.row(CITATIONS)
    curator.pick(f'[name="{row}source"]', HANDBOOK["title_zh_hans"])
    slug = curator.page.input_value("#id_slug")
    curator.submit(CONTINUE)
    ready_to_publish(curator)
    cannot_publish(curator)
    curator.submit(SUBMIT_FOR_REVIEW)
    curator.shot("submitted")
    print(curator)

    visitor = open_browser("visitor")
    assert visitor.status_of(f"/artifacts/{slug}/") == 404

    head = open_browser("head-approves-en")
    head.log_in("head", codes.next("head"), "en")
    open_record(head, "catalog/artifact", draft["accession"])
    publish_from_form(head)
    print(head)
    # Another visitor: the first one's browser may keep the 404 for a minute
    # (public pages, 404s included, say max-age=60).
    read_as_visitor(
        open_browser("another-visitor"),
        f"/artifacts/{slug}/",
        [draft["title"]["en"], draft["description"]["en"]],
        demo_titles,
    )
