"""Checks of ``collection.json`` before the import writes anything.

The export writes sources, roles and biographies to ``collection.json`` beside the
CSV. The import checks every entry of it as it checks a CSV row: the JSON itself,
the type of each value, unknown keys, references to roles, groups and sources, and
then the model's own validation (``full_clean``) of the record the entry would
become. Each problem names the entry and the key, like a CSV problem names the row
and the column, and goes into the same report, so nothing is written unless both
files are good.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from catalog import workflow
from catalog.models import Person, Role, Source, Status
from catalog.transfer.json_file import (
    FILE,
    FORMAT,
    VERSION,
    EntryProblem,
    show,
)
from catalog.transfer.json_values import citation_problem, field_keys, type_problem

# Each list, its model and the key that identifies an entry (as in the database).
LISTS = {
    "sources": (Source, "key"),
    "roles": (Role, "slug"),
    "people": (Person, "slug"),
}
TOP_KEYS = {"format", "version", *LISTS}
# Keys of a biography that are not fields: links, and the portrait's file name.
PERSON_LINKS = {"roles", "groups", "citations", "portrait", "nationalities"}
PERSON_LINKS |= {"nationality"}  # one code, as older exports wrote it


class ExtrasCheck:
    """Check parsed ``collection.json`` content; collect ``problems``.

    ``image_error(name)`` says why an image cannot be used (None if it can);
    ``user`` is the importing user, whose permissions limit the statuses;
    ``nationalities`` the import's ``TermLookup`` for them."""

    def __init__(
        self, extras, *, image_error, user=None, nationalities=None, owned_keys=()
    ):
        """``owned_keys``: top-level keys another part of the import checks."""
        self.extras = extras
        self.owned_keys = set(owned_keys)
        self.nationalities = nationalities
        self.image_error = image_error
        self.user = user
        self.problems = []

    def problem(self, entry, key, message):
        self.problems.append(EntryProblem(entry, key, str(message)))

    def run(self):
        """The entries the import can look up (objects with a usable identifier);
        the problems are in ``problems``."""
        usable = {name: [] for name in LISTS}
        if self.extras is None:
            return usable
        if not isinstance(self.extras, dict):
            self.problem(FILE, "", _("This must be an object."))
            return usable
        for key in self.extras:
            if key not in TOP_KEYS and key not in self.owned_keys:
                self.problem(FILE, key, _("Unknown key."))
        for key, expected in (("format", FORMAT), ("version", VERSION)):
            value = self.extras.get(key, expected)
            if value != expected or isinstance(value, bool):
                self.problem(
                    FILE,
                    key,
                    _("“%(value)s” is not one of: %(choices)s.")
                    % {"value": value, "choices": expected},
                )
        for name, (_model, identifier) in LISTS.items():
            entries = self.extras.get(name, [])
            if not isinstance(entries, list):
                self.problem(FILE, name, _("This must be a list."))
                continue
            for entry in entries:
                if isinstance(entry, dict) and isinstance(entry.get(identifier), str):
                    usable[name].append(entry)
        self.load_lookups(usable)
        self.users = {
            user.get_username(): user for user in get_user_model().objects.all()
        }
        for name, (model, identifier) in LISTS.items():
            entries = self.extras.get(name, [])
            if not isinstance(entries, list):
                continue
            seen = set()
            for number, entry in enumerate(entries, 1):
                self.check_entry(model, identifier, number, entry, seen)
        return usable

    def load_lookups(self, usable):
        """What entries may refer to: in the database, or in the file itself."""
        self.roles = set(Role.objects.values_list("slug", flat=True))
        self.roles |= {entry["slug"] for entry in usable["roles"]}
        self.sources = set(Source.objects.values_list("key", flat=True))
        self.sources |= {entry["key"] for entry in usable["sources"]}
        self.kinds = dict(Person.objects.values_list("slug", "kind"))
        for entry in usable["people"]:
            kind = entry.get("kind")
            if isinstance(kind, str):
                self.kinds[entry["slug"]] = kind
            else:
                self.kinds.setdefault(entry["slug"], Person.Kind.PERSON)

    @staticmethod
    def entry_label(model, identifier, number, entry):
        value = entry.get(identifier) if isinstance(entry, dict) else None
        if isinstance(value, str) and value:
            return _("%(file)s, %(kind)s %(number)s (%(key)s “%(value)s”)") % {
                "file": FILE,
                "kind": model._meta.verbose_name,
                "number": number,
                "key": identifier,
                "value": value,
            }
        return _("%(file)s, %(kind)s %(number)s") % {
            "file": FILE,
            "kind": model._meta.verbose_name,
            "number": number,
        }

    def check_entry(self, model, identifier, number, entry, seen):
        label = self.entry_label(model, identifier, number, entry)
        if not isinstance(entry, dict):
            self.problem(label, "", _("This must be an object."))
            return
        fields = field_keys(model)
        links = PERSON_LINKS if model is Person else set()
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
        key = entry.get(identifier)
        if isinstance(key, str) and key:
            if key in seen:
                self.problem(
                    label,
                    identifier,
                    _("Duplicate: “%(key)s” is already in an earlier entry.")
                    % {"key": key},
                )
                reported.add(identifier)
            seen.add(key)
        if model is Person and "status" not in reported:
            self.check_status(label, entry)
        self.check_record(model, identifier, label, entry, fields, reported)

    def link_problem(self, key, value):
        """Why a biography's ``roles``, ``groups``, ``citations`` or ``portrait``
        cannot be used, or None."""
        if key == "portrait":
            if value in ("", None):
                return None
            if not isinstance(value, str):
                return _("This must be text.")
            return self.image_error(value)
        if key == "nationality" and isinstance(value, str):  # "XX": several, now none
            value, key = [value] if value != "XX" else [], "nationalities"
        if not isinstance(value, list):
            return _("This must be a list.")
        for item in value:
            if key == "nationalities" and self.nationalities.find(str(item)) is None:
                return self.nationalities.unknown(item)
            if key == "roles" and not (isinstance(item, str) and item in self.roles):
                return _("Unknown role “%(name)s”.") % {"name": show(item)}
            if key == "groups":
                kind = self.kinds.get(item) if isinstance(item, str) else None
                if kind is None:
                    return _("Unknown person “%(name)s”.") % {"name": show(item)}
                if kind != Person.Kind.GROUP:
                    return _("“%(name)s” is not a group.") % {"name": item}
            if key == "citations":
                message = self.citation_problem(item)
                if message:
                    return message
        return None

    def citation_problem(self, item):
        return citation_problem(item, self.sources)

    def check_status(self, label, entry):
        """A biography's status moves only as ``catalog.workflow`` lets this user
        move it by import (see ``record_checks.check_status``)."""
        status = entry.get("status")
        if status is None or self.user is None or status not in Status.values:
            return
        slug = entry.get("slug")
        stored = None
        if isinstance(slug, str):
            stored = Person.objects.filter(slug=slug).values_list("status", flat=True)
            stored = stored.first()
        refusal = workflow.import_refusal(
            self.user, Person, stored or Status.DRAFT, status, stored is None
        )
        if refusal:
            self.problem(label, "status", refusal)

    def check_record(self, model, identifier, label, entry, fields, reported):
        """The model's own validation of the record the entry would make or change,
        for the keys whose values have the right type."""
        from catalog.transfer.columns import translated_names
        from catalog.transfer.values import assign

        key = entry.get(identifier)
        record = None
        if isinstance(key, str):
            record = model.objects.filter(**{identifier: key}).first()
        record = record or model()
        assign(
            record,
            {k: v for k, v in entry.items() if k in fields and k not in reported},
            users=self.users,
        )
        try:
            record.full_clean(exclude=["portrait"] if model is Person else None)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                column = f"{name}_en" if name in translated_names(model) else name
                if column in reported:
                    continue  # already explained, e.g. a wrong type
                for message in messages:
                    self.problem(label, column, message)
