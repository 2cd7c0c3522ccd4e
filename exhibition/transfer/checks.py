"""Checking the ``exhibitions`` of ``collection.json`` before anything is written:
each exhibition and section like a CSV row (types, unknown keys, references, the
model's own validation), each problem naming the entry and the key."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from catalog.models import Artifact, Person, Photograph, Source
from catalog.transfer.columns import translated_names
from catalog.transfer.json_file import FILE, EntryProblem, show
from catalog.transfer.json_values import citation_problem, field_keys, type_problem
from catalog.transfer.values import assign, snapshot
from exhibition.models import Exhibition, Section
from exhibition.transfer.export import SECTION_SKIPPED

KEY = "exhibitions"
EXHIBITION_LINKS = {"citations", "featured", "sections"}
SECTION_LINKS = {"citations", "items", "hero_image"}
RECORDS = {
    "artifact": (Artifact, "accession_number"),
    "photograph": (Photograph, "slug"),
}
# Keys files were written with before the field was translated: read as English.
FORMER_KEYS = {Exhibition: {"galleries": "galleries_en"}}
PERMISSIONS = [
    f"exhibition.{action}_{model}"
    for model in ("exhibition", "section", "sectionitem", "featuredperson")
    for action in ("add", "change")
]


@dataclass
class Planned:
    """An exhibition or section as the file will leave it (not yet saved)."""

    obj: object
    label: str
    created: bool
    before: dict
    citations: list = None
    featured: list = None  # person slugs, for an exhibition
    items: list = None  # [(kind, identifier)], for a section
    hero_image: str = None
    sections: list = field(default_factory=list)


class ExhibitionChecks:
    """Fills ``planned`` (exhibitions with their sections) and ``problems``, as the
    import in ``context`` (a ``FileContext``) may write them."""

    def __init__(self, context):
        self.context = context
        self.problems = []
        self.planned = []

    def problem(self, entry, key, message):
        self.problems.append(EntryProblem(entry, key, str(message)))

    def check(self, value):
        if not isinstance(value, list):
            self.problem(FILE, KEY, _("This must be a list."))
            return
        user = self.context.user
        if user is not None and not user.has_perms(PERMISSIONS):
            self.problem(FILE, KEY, _("You may not import exhibitions."))
            return
        extras = self.context.extras or {}
        self.sources = set(Source.objects.values_list("key", flat=True))
        self.sources |= {e.get("key") for e in extras.get("sources", [])}
        self.people = set(Person.objects.values_list("slug", flat=True))
        self.people |= {e.get("slug") for e in extras.get("people", [])}
        self.users = {u.get_username(): u for u in get_user_model().objects.all()}
        seen = set()
        for number, entry in enumerate(value, 1):
            label = self.label(FILE, Exhibition, number, entry)
            planned = self.check_entry(Exhibition, label, entry, seen, parent=None)
            if planned is None:
                continue
            self.planned.append(planned)
            sections = entry.get("sections", [])
            if not isinstance(sections, list):
                continue  # reported with the exhibition's keys
            seen_sections = set()
            for position, section in enumerate(sections, 1):
                label = self.label(planned.label, Section, position, section)
                child = self.check_entry(
                    Section, label, section, seen_sections, planned
                )
                if child is not None:
                    planned.sections.append(child)

    @staticmethod
    def label(within, model, number, entry):
        slug = entry.get("slug") if isinstance(entry, dict) else None
        if isinstance(slug, str) and slug:
            return _("%(within)s, %(kind)s %(number)s (slug “%(slug)s”)") % {
                "within": within,
                "kind": model._meta.verbose_name,
                "number": number,
                "slug": slug,
            }
        return _("%(within)s, %(kind)s %(number)s") % {
            "within": within,
            "kind": model._meta.verbose_name,
            "number": number,
        }

    def check_entry(self, model, label, entry, seen, parent):
        """The ``Planned`` exhibition or section ``entry`` describes, or None if it
        is not even an object."""
        if not isinstance(entry, dict):
            self.problem(label, "", _("This must be an object."))
            return None
        is_section = model is Section
        former = FORMER_KEYS.get(model, {})
        entry = {former.get(key, key): value for key, value in entry.items()}
        fields = field_keys(model, skipped=SECTION_SKIPPED if is_section else ())
        links = SECTION_LINKS if is_section else EXHIBITION_LINKS
        reported = set()
        for key, value in entry.items():
            if key in fields:
                message = type_problem(fields[key], value)
            elif key in links:
                message = self.link_problem(key, value)
            else:
                message = _("Unknown key.")
            if message:
                self.problem(label, key, message)
                reported.add(key)
        slug = entry.get("slug")
        if isinstance(slug, str) and slug in seen:
            self.problem(
                label,
                "slug",
                _("Duplicate: “%(key)s” is already in an earlier entry.")
                % {"key": slug},
            )
            reported.add("slug")
        seen.add(slug)
        found = None
        if isinstance(slug, str) and (not is_section or parent.obj.pk):
            lookup = {"exhibition": parent.obj} if is_section else {}
            found = model.objects.filter(slug=slug, **lookup).first()
        obj = found or model()
        planned = Planned(obj, label, found is None, snapshot(obj))
        if is_section:
            obj.exhibition = parent.obj if parent.obj.pk else None
        values = {k: v for k, v in entry.items() if k in fields and k not in reported}
        assign(obj, values, users=self.users)
        self.validate(obj, label, reported, exclude=["exhibition", "hero_image"])
        for key in links - reported - {"sections"}:
            value = entry.get(key)
            if key == "items" and value is not None:
                value = [next(iter(item.items())) for item in value]
            setattr(planned, key, value)
        return planned

    def validate(self, obj, label, reported, exclude):
        try:
            obj.full_clean(exclude=exclude)
        except ValidationError as error:
            said = set()  # "title" and "title_en" can both carry one message
            for name, messages in error.message_dict.items():
                translated = name in translated_names(type(obj))
                column = f"{name}_en" if translated else name
                for message in messages:
                    if column not in reported and (column, message) not in said:
                        self.problem(label, column, message)
                        said.add((column, message))

    def link_problem(self, key, value):
        """Why ``citations``, ``featured``, ``items``, ``sections`` or
        ``hero_image`` cannot be used, or None."""
        if key == "hero_image":
            if value in ("", None):
                return None
            if not isinstance(value, str):
                return _("This must be text.")
            return self.context.images.error(value)
        if not isinstance(value, list):
            return _("This must be a list.")
        for item in value if key != "sections" else []:
            if key == "citations":
                message = citation_problem(item, self.sources)
                if message:
                    return message
            if key == "featured" and not (
                isinstance(item, str) and item in self.people
            ):
                return _("Unknown person “%(name)s”.") % {"name": show(item)}
            if key == "items" and not (
                isinstance(item, dict)
                and len(item) == 1
                and all(k in RECORDS and isinstance(v, str) for k, v in item.items())
            ):
                return _(
                    '“%(value)s” is not an item: write {"artifact": accession '
                    'number} or {"photograph": slug}.'
                ) % {"value": show(item)}
        return None

    def check_records(self, provided):
        """Problems with the records the sections' items name: each must be in the
        CSV or the catalogue, and at most once in a section."""
        problems_before = len(self.problems)
        wanted = {kind: set() for kind in RECORDS}
        sections = [s for e in self.planned for s in e.sections if s.items]
        for section in sections:
            for kind, identifier in section.items:
                wanted[kind].add(identifier)
        known = {}
        for kind, (model, identifier) in RECORDS.items():
            missing = wanted[kind] - provided.get(kind, set())
            found = model.objects.filter(**{f"{identifier}__in": missing})
            known[kind] = provided.get(kind, set()) | set(
                found.values_list(identifier, flat=True)
            )
        for section in sections:
            seen = set()
            for kind, identifier in section.items:
                if identifier not in known[kind]:
                    self.problem(
                        section.label,
                        "items",
                        _("Unknown %(kind)s “%(name)s”.")
                        % {
                            "kind": RECORDS[kind][0]._meta.verbose_name,
                            "name": identifier,
                        },
                    )
                elif (kind, identifier) in seen:
                    self.problem(
                        section.label,
                        "items",
                        _("“%(name)s” is in the section twice.") % {"name": identifier},
                    )
                seen.add((kind, identifier))
        return self.problems[problems_before:]
