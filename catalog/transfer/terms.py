"""Imported vocabulary values matched to terms by code or label, in either language;
the missing ones made (code from the value, English label) when the import asks."""

from django.utils.text import slugify
from django.utils.translation import gettext as _

# Above this many terms a problem points to the admin instead of listing codes.
LISTED = 12


class TermLookup:
    def __init__(self, model, create=False):
        self.model = model
        self.create = create
        self.by_key = {}
        self.new = {}
        self.codes = []
        for term in model.objects.all():
            self.codes.append(term.code)
            for key in (term.code, term.label_en, term.label_zh_hans):
                if key:
                    self.by_key.setdefault(key.strip().lower(), term)

    def find(self, value):
        """The term ``value`` names, a new one if the import creates terms, or None."""
        value = value.strip()
        code = slugify(value, allow_unicode=True)[:60]
        term = self.by_key.get(value.lower()) or self.by_key.get(code.lower())
        if term is None and self.create and code:
            term = self.new.get(code) or self.model(
                code=code, label=value, label_en=value
            )
            self.new[code] = term
            self.by_key[value.lower()] = term
        return term

    def unknown(self, value):
        name = self.model._meta.verbose_name
        if len(self.codes) > LISTED:
            return _(
                "“%(value)s” is not a known %(term)s; see the admin's %(terms)s, or "
                "import with the option that creates missing terms."
            ) % {
                "value": value,
                "term": name,
                "terms": self.model._meta.verbose_name_plural,
            }
        return _("“%(value)s” is not a known %(term)s. Known: %(codes)s.") % {
            "value": value,
            "term": name,
            "codes": ", ".join(self.codes) or "—",
        }

    def save_new(self):
        for term in self.new.values():
            term.save()
