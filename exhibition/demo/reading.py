"""Reading the demo's TOML files, and checking them before anything is written."""

import tomllib
from collections import Counter
from pathlib import Path

from django.core.exceptions import ValidationError

from catalog import seed_terms
from catalog.models import (
    Nationality,
)
from exhibition.models import (
    Exhibition,
    Kiosk,
)

CONTENT_DIR = Path(__file__).resolve().parent / "content"
LANGUAGE_KEYS = {"en": "en", "zh_hans": "zh_hans"}
# A section's own items hang first; items it borrows from others come after.
BORROWED_OFFSET = 100_000


class ContentError(Exception):
    """The data files are inconsistent; the message lists every problem."""


def read_content(directory=CONTENT_DIR):
    """Parse every data file and check cross-references before anything is written."""
    directory = Path(directory)
    names = [
        "museum",
        "sources",
        "roles",
        "people",
        "artifacts",
        "photographs",
        "exhibition",
        "audio",
    ]
    data = {name: read_file(directory / f"{name}.toml") for name in names}
    extra = [
        read_file(path) for path in sorted((directory / "exhibitions").glob("*.toml"))
    ]
    content = {
        "museum": data["museum"].get("museum"),
        "exhibitions": [
            {
                "exhibition": file.get("exhibition", {}),
                "sections": file.get("section", []),
            }
            for file in extra
        ],
        "sources": data["sources"].get("source", []),
        "roles": data["roles"].get("role", []),
        "people": data["people"].get("person", []),
        "artifacts": data["artifacts"].get("artifact", []),
        "photographs": data["photographs"].get("photograph", []),
        "exhibition": data["exhibition"].get("exhibition"),
        "sections": data["exhibition"].get("section", []),
        "kiosks": data["exhibition"].get("kiosk", []),
        "stops": data["audio"].get("stop", []),
        "directory": directory,
    }
    check_references(content)
    return content


def read_file(path):
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as error:
        raise ContentError(f"{path.name}: {error}") from None


def exhibition_problems(content, people):
    """Each exhibition's slug, featured people, sections and items."""
    problems = []
    artifacts = {entry.get("accession_number") for entry in content["artifacts"]}
    photographs = {entry.get("slug") for entry in content["photographs"]}
    first = content["exhibition"] or {}
    slugs = Counter(
        [first.get("slug")] * bool(first)
        + [extra["exhibition"].get("slug") for extra in content["exhibitions"]]
    )
    problems.extend(
        f"exhibitions: slug {slug!r} used {count} times"
        for slug, count in slugs.items()
        if count > 1 or not slug
    )
    for entry in [first] * bool(first) + [
        e["exhibition"] for e in content["exhibitions"]
    ]:
        label = f"exhibition {entry.get('slug')!r}"
        for slug in entry.get("featured", []):
            if slug not in people:
                problems.append(f"{label}: unknown featured person {slug!r}")
        if entry.get("kind", "temporary") not in Exhibition.Kind.values:
            problems.append(f"{label}: unknown kind {entry['kind']!r}")
    for extra in content["exhibitions"]:
        label = f"exhibition {extra['exhibition'].get('slug')!r}"
        seen = Counter(section.get("slug") for section in extra["sections"])
        problems.extend(
            f"{label}: section slug {slug!r} used {count} times"
            for slug, count in seen.items()
            if count > 1
        )
        for section in extra["sections"]:
            where = f"{label} section {section.get('slug')!r}"
            for citation in section.get("citations", []):
                if citation.get("source") not in {s["key"] for s in content["sources"]}:
                    problems.append(
                        f"{where}: unknown source {citation.get('source')!r}"
                    )
            for item in section.get("items", []):
                if len(item) != 1 or set(item) - {"artifact", "photograph"}:
                    problems.append(f"{where}: an item names one record")
                elif "artifact" in item and item["artifact"] not in artifacts:
                    problems.append(f"{where}: unknown artifact {item['artifact']!r}")
                elif "photograph" in item and item["photograph"] not in photographs:
                    problems.append(
                        f"{where}: unknown photograph {item['photograph']!r}"
                    )
    return problems


def check_references(content):
    problems = []
    sources = {entry["key"] for entry in content["sources"]}
    roles = {entry["slug"] for entry in content["roles"]}
    people = {entry["slug"] for entry in content["people"]}
    groups = {e["slug"] for e in content["people"] if e.get("kind") == "group"}
    sections = {entry["slug"] for entry in content["sections"]}
    nationalities = {code for code, _en, _zh in seed_terms.nationalities()}
    nationalities |= set(Nationality.objects.values_list("code", flat=True))

    def check_unique(kind, key):
        seen = Counter(entry.get(key) for entry in content[kind])
        problems.extend(
            f"{kind}: {key} {value!r} used {count} times"
            for value, count in seen.items()
            if count > 1
        )

    for kind, key in [
        ("sources", "key"),
        ("people", "slug"),
        ("artifacts", "slug"),
        ("artifacts", "accession_number"),
        ("photographs", "slug"),
        ("sections", "slug"),
    ]:
        check_unique(kind, key)

    def check_record(kind, entry, label):
        for citation in entry.get("citations", []):
            if citation.get("source") not in sources:
                problems.append(f"{label}: unknown source {citation.get('source')!r}")
        if kind != "sections" and kind != "exhibition" and not entry.get("citations"):
            problems.append(f"{label}: no citations")
        for slug in entry.get("people", []):
            if slug not in people:
                problems.append(f"{label}: unknown person {slug!r}")
        if kind in ("artifacts", "photographs"):
            for slug in [entry.get("section"), *entry.get("also_in", [])]:
                if slug not in sections:
                    problems.append(f"{label}: unknown section {slug!r}")
        if entry.get("disputed") and not entry.get("disputed_note"):
            problems.append(f"{label}: disputed but no disputed_note")

    for kind in ("people", "artifacts", "photographs", "sections"):
        for entry in content[kind]:
            label = f"{kind} {entry.get('slug')!r}"
            check_record(kind, entry, label)
    for entry in content["people"]:
        label = f"people {entry['slug']!r}"
        for role in entry.get("roles", []):
            if role not in roles:
                problems.append(f"{label}: unknown role {role!r}")
        for group in entry.get("member_of", []):
            if group not in groups:
                problems.append(f"{label}: unknown group {group!r}")
        for code in entry.get("nationalities", []):
            if code not in nationalities:
                problems.append(f"{label}: unknown nationality {code!r}")
    if content["exhibition"]:
        check_record("exhibition", content["exhibition"], "exhibition")
    for extra in content["exhibitions"]:
        check_record("exhibition", extra["exhibition"], "exhibition")
    problems.extend(exhibition_problems(content, people))
    problems.extend(kiosk_problems(content, sections))
    problems.extend(stop_problems(content))
    if problems:
        raise ContentError("\n".join(problems))


def kiosk_problems(content, sections):
    problems = []
    artifacts = {entry.get("accession_number") for entry in content["artifacts"]}
    photographs = {entry.get("slug") for entry in content["photographs"]}
    seen = Counter(entry.get("slug") for entry in content["kiosks"])
    problems.extend(
        f"kiosks: slug {slug!r} used {count} times"
        for slug, count in seen.items()
        if count > 1
    )
    first = (content["exhibition"] or {}).get("slug")
    by_exhibition = {first: sections} | {
        extra["exhibition"].get("slug"): {s.get("slug") for s in extra["sections"]}
        for extra in content["exhibitions"]
    }
    for entry in content["kiosks"]:
        label = f"kiosks {entry.get('slug')!r}"
        exhibition = entry.get("exhibition", first)
        if exhibition not in by_exhibition:
            problems.append(f"{label}: unknown exhibition {exhibition!r}")
        for slug in entry.get("sections", []):
            if slug not in by_exhibition.get(exhibition, set()):
                problems.append(f"{label}: unknown section {slug!r}")
        for item in entry.get("playlist", []):
            if item.get("artifact") not in artifacts | {None}:
                problems.append(f"{label}: unknown artifact {item['artifact']!r}")
            if item.get("photograph") not in photographs | {None}:
                problems.append(f"{label}: unknown photograph {item['photograph']!r}")
            if len(item) != 1 or set(item) - {"artifact", "photograph"}:
                problems.append(f"{label}: a playlist item names one record")
        if entry.get("orientation", "portrait") not in Kiosk.Orientation.values:
            problems.append(f"{label}: unknown orientation {entry['orientation']!r}")
        if entry.get("default_language", "en") not in Kiosk.Language.values:
            problems.append(f"{label}: unknown language {entry['default_language']!r}")
        if not entry.get("slug") or not entry.get("name"):
            problems.append(f"{label}: a kiosk needs a slug and a name")
        for name in ("idle_timeout", "attract_count", "attract_interval"):
            value = entry.get(name, Kiosk._meta.get_field(name).default)
            try:
                if type(value) is not int:
                    raise ValidationError("not a whole number")
                Kiosk._meta.get_field(name).run_validators(value)
            except ValidationError:
                problems.append(f"{label}: {name} {value!r} is out of range")
    return problems


def stop_problems(content):
    """audio.toml: each stop in a known section, its files there, numbers unique."""
    known = {(content["exhibition"] or {}).get("slug"): content["sections"]} | {
        extra["exhibition"].get("slug"): extra["sections"]
        for extra in content["exhibitions"]
    }
    problems = []
    numbers = Counter((s.get("exhibition"), s.get("number")) for s in content["stops"])
    for (exhibition, number), count in numbers.items():
        if count > 1:
            problems.append(f"audio.toml: stop {number} of {exhibition!r} used twice")
    for stop in content["stops"]:
        label = f"audio.toml stop {stop.get('number')} of {stop.get('exhibition')!r}"
        slugs = {s.get("slug") for s in known.get(stop.get("exhibition"), [])}
        if stop.get("section") not in slugs:
            problems.append(f"{label}: unknown section {stop.get('section')!r}")
        for name in stop.get("file", {}).values():
            if not (content["directory"] / "audio" / name).is_file():
                problems.append(f"{label}: no file audio/{name}")
    return problems
