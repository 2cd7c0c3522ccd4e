"""The shipped museum and its two exhibitions: loaded as their data files hold them,
bilingual and sourced."""

import re
import tomllib
from pathlib import Path

from django.test import TestCase
from django.utils.html import escape

from catalog.models import Artifact, ArtifactImage, Person, Photograph, Source, Status
from exhibition.demo.loader import CONTENT_DIR, load_exhibition, read_content
from exhibition.models import Exhibition, Kiosk, Section, SectionItem

SEEDS = Path(__file__).resolve().parents[4] / "shared" / "seeds"


def english_text(value):
    """Every English text in a record (its own fields and its image views)."""
    if isinstance(value, dict):
        return "\n".join(
            text if key == "en" else english_text(text)
            for key, text in value.items()
            if key != "zh_hans" and (key != "en" or isinstance(text, str))
        )
    if isinstance(value, list):
        return "\n".join(english_text(item) for item in value)
    return ""


def undisputed_repeats(content, contested):
    """Records that repeat a contested claim, citing where it is made, undisputed."""
    found = []
    records = [
        (kind, entry.get("accession_number") or entry["slug"], entry)
        for kind in ("people", "artifacts", "photographs")
        for entry in content[kind]
    ]
    for claim in contested:
        pattern = re.compile(claim["pattern"], re.IGNORECASE)
        for kind, key, entry in records:
            cites = any(
                c["source"] == claim["source"] and c.get("locator") in claim["locators"]
                for c in entry.get("citations", [])
            )
            if (
                cites
                and pattern.search(english_text(entry))
                and not entry.get("disputed")
            ):
                found.append(f"{kind} {key}: {claim['claim']}")
    return found


class ShippedExhibitionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.content = read_content(CONTENT_DIR)
        load_exhibition(CONTENT_DIR)

    def test_loads_exactly_what_the_files_hold(self):
        self.assertEqual(Person.objects.count(), len(self.content["people"]))
        self.assertEqual(Artifact.objects.count(), len(self.content["artifacts"]))
        self.assertEqual(Photograph.objects.count(), len(self.content["photographs"]))
        self.assertEqual(Source.objects.count(), len(self.content["sources"]))
        sections = len(self.content["sections"]) + sum(
            len(extra["sections"]) for extra in self.content["exhibitions"]
        )
        self.assertEqual(Section.objects.count(), sections)
        self.assertEqual(
            Exhibition.objects.count(), 1 + len(self.content["exhibitions"])
        )
        images = sum(len(a.get("image", []) or [{}]) for a in self.content["artifacts"])
        self.assertEqual(ArtifactImage.objects.count(), images)

    def test_the_exhibition_meets_the_brief(self):
        exhibition = Exhibition.objects.published().get(slug="international-friends")
        self.assertEqual(exhibition.opening_date.isoformat()[5:], "09-09")
        for galleries in (exhibition.galleries_en, exhibition.galleries_zh_hans):
            self.assertIn("S8", galleries)
            self.assertIn("S9", galleries)
        self.assertEqual(
            list(exhibition.sections.values_list("slug", flat=True)),
            ["reporting", "military", "rescue", "support"],
        )
        self.assertGreaterEqual(Person.objects.filter(kind="person").count(), 20)
        self.assertGreaterEqual(Artifact.objects.count(), 30)
        self.assertGreaterEqual(Photograph.objects.count(), 40)

    def test_the_eight_featured_subjects_are_featured(self):
        exhibition = Exhibition.objects.get(slug="international-friends")
        featured = list(
            exhibition.featured.order_by("position").values_list(
                "person__slug", flat=True
            )
        )
        self.assertEqual(
            featured,
            [
                "edgar-snow",
                "helen-foster-snow",
                "soviet-z-plan",
                "flying-tigers",
                "george-hatem",
                "norman-bethune",
                "michael-lindsay",
                "rewi-alley",
            ],
        )
        kulishenko = Person.objects.get(slug="grigory-kulishenko")
        self.assertEqual(
            list(kulishenko.groups.values_list("slug", flat=True)), ["soviet-z-plan"]
        )

    def test_every_record_is_bilingual(self):
        for person in Person.objects.all():
            for field in ("name", "summary", "body"):
                for language in ("en", "zh_hans"):
                    with self.subTest(person=person.slug, field=field, lang=language):
                        self.assertTrue(getattr(person, f"{field}_{language}"))
        for artifact in Artifact.objects.all():
            for field in ("title", "description", "credit_line", "rights"):
                for language in ("en", "zh_hans"):
                    with self.subTest(artifact=artifact.slug, field=field):
                        self.assertTrue(getattr(artifact, f"{field}_{language}"))
        for photograph in Photograph.objects.all():
            for field in ("title", "caption", "alt_text", "credit_line", "rights"):
                for language in ("en", "zh_hans"):
                    with self.subTest(photograph=photograph.slug, field=field):
                        self.assertTrue(getattr(photograph, f"{field}_{language}"))

    def test_every_record_has_a_section_a_person_and_a_source(self):
        for model in (Artifact, Photograph):
            for record in model.objects.prefetch_related("people", "citations"):
                with self.subTest(record=record.slug):
                    self.assertTrue(
                        SectionItem.objects.filter(**{model._meta.model_name: record})
                    )
                    self.assertTrue(record.people.all())
                    self.assertTrue(record.citations.all())
                    self.assertTrue(
                        all(c.locator for c in record.citations.all()),
                        "every citation says where in the source",
                    )
        for person in Person.objects.prefetch_related("citations"):
            with self.subTest(person=person.slug):
                self.assertTrue(person.citations.all())

    def test_every_image_has_alt_text_in_both_languages_and_is_a_placeholder(self):
        for image in ArtifactImage.objects.select_related("artifact"):
            with self.subTest(artifact=image.artifact.slug):
                self.assertTrue(image.alt_text_en and image.alt_text_zh_hans)
        for photograph in Photograph.objects.all():
            self.assertTrue(photograph.image)
        for model in (Artifact, Photograph):
            for record in model.objects.all():
                with self.subTest(record=record.slug):
                    self.assertIn("placeholder", record.credit_line_en.lower())
                    self.assertIn("占位", record.credit_line_zh_hans)

    def test_the_kulishenko_dispute_is_flagged_in_both_languages_citing_both(self):
        kulishenko = Person.objects.get(slug="grigory-kulishenko")
        self.assertTrue(kulishenko.disputed)
        self.assertIn("Yangtze", kulishenko.disputed_note_en)
        self.assertIn("warship", kulishenko.disputed_note_en)
        self.assertTrue(kulishenko.disputed_note_zh_hans)
        cited = set(kulishenko.citations.values_list("source__key", flat=True))
        self.assertTrue({"china-org-air-support", "foreign-experts-paper"} <= cited)

    def test_every_disputed_record_has_a_note_in_both_languages(self):
        for model in (Person, Artifact, Photograph):
            for record in model.objects.filter(disputed=True):
                with self.subTest(record=record.slug):
                    self.assertTrue(record.disputed_note_en)
                    self.assertTrue(record.disputed_note_zh_hans)

    def test_sources_name_the_seed_documents(self):
        documents = set(Source.objects.values_list("document", flat=True))
        if SEEDS.exists():
            for path in SEEDS.glob("*.txt"):
                self.assertIn(path.name, documents)

    def test_everything_shipped_is_published(self):
        for model in (Person, Artifact, Photograph, Section):
            self.assertFalse(model.objects.exclude(status=Status.PUBLISHED).exists())

    def test_loading_again_changes_nothing(self):
        report = load_exhibition(CONTENT_DIR)
        self.assertEqual({outcome for _, outcome in report.counts}, {"unchanged"})

    def test_the_second_exhibition_is_online_only_with_its_own_sections(self):
        second = Exhibition.objects.published().get(slug="foreign-expertise")
        self.assertEqual(second.kind, Exhibition.Kind.ONLINE)
        self.assertEqual((second.timeline_start, second.timeline_end), (1931, 1945))
        self.assertEqual(
            list(second.sections.values_list("slug", flat=True)),
            ["military", "medical", "science-technology", "culture"],
        )
        featured = second.featured.order_by("position").values_list(
            "person__slug", flat=True
        )
        self.assertEqual(featured[0], "vasily-chuikov")
        self.assertEqual(len(featured), 8)
        # Records from the one catalogue hang in both exhibitions.
        shared = Artifact.objects.filter(
            section_items__section__exhibition=second
        ).filter(section_items__section__exhibition__slug="international-friends")
        self.assertTrue(shared.exists())
        for section in second.sections.all():
            self.assertTrue(section.items.exists(), section.slug)
        self.assertIn(second, Exhibition.objects.published().current())
        for kiosk in Kiosk.objects.all():
            self.assertEqual(kiosk.exhibition.slug, "international-friends")
        for path in ("/", "/exhibitions/", second.get_absolute_url()):
            self.assertContains(self.client.get(path), "Skills as Weapons")

    def test_the_museum_is_loaded_from_its_file(self):
        from exhibition.models import Museum

        museum = Museum.objects.get()
        self.assertEqual(museum.name_zh_hans, "中国国家博物馆")
        self.assertEqual(museum.address, "")  # the sources give none
        html = self.client.get("/").content.decode()
        self.assertIn("demonstration of Exhibition CMS", html)

    def test_the_notice_is_shown_once_on_the_home_section_and_kiosk_pages(self):
        exhibition = Exhibition.objects.published().get(slug="international-friends")
        self.assertIn("illustrative", exhibition.notice_en)
        self.assertIn("示意", exhibition.notice_zh_hans)
        pages = [("", "en"), ("/zh-hans", "zh_hans")]
        for prefix, language in pages:
            notice = escape(getattr(exhibition, f"notice_{language}"))
            paths = [f"{prefix}{exhibition.get_absolute_url()}"] + [
                f"{prefix}/exhibitions/{exhibition.slug}/{slug}/"
                for slug in exhibition.sections.values_list("slug", flat=True)
            ]
            for path in paths:
                with self.subTest(path=path):
                    response = self.client.get(path)
                    self.assertEqual(response.status_code, 200)
                    self.assertEqual(response.content.decode().count(notice), 1)
        for kiosk in Kiosk.objects.all():
            for code, language in (("en", "en"), ("zh-hans", "zh_hans")):
                notice = escape(getattr(exhibition, f"notice_{language}"))
                path = f"/kiosk/{kiosk.slug}/{code}/"
                with self.subTest(path=path):
                    html = self.client.get(path).content.decode()
                    attract = html[html.index('class="attract"') :]
                    self.assertEqual(attract.count(notice), 1)

    def test_a_contested_claim_is_disputed_in_every_record_that_repeats_it(self):
        with (CONTENT_DIR / "sources.toml").open("rb") as handle:
            contested = tomllib.load(handle).get("contested", [])
        self.assertGreaterEqual(len(contested), 4)
        sources = {source["key"] for source in self.content["sources"]}
        for claim in contested:
            with self.subTest(claim=claim["claim"]):
                self.assertIn(claim["source"], sources)
                repeats = [
                    entry
                    for kind in ("people", "artifacts", "photographs")
                    for entry in self.content[kind]
                    if re.search(claim["pattern"], english_text(entry), re.IGNORECASE)
                    and any(
                        c["source"] == claim["source"]
                        and c.get("locator") in claim["locators"]
                        for c in entry.get("citations", [])
                    )
                ]
                self.assertTrue(repeats, "a contested claim no record repeats is stale")
        self.assertEqual(undisputed_repeats(self.content, contested), [])
