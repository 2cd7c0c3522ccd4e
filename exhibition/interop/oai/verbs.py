"""The six OAI-PMH requests; each returns its response element or raises OAIError.

Identify, ListMetadataFormats and ListSets are here; GetRecord, ListIdentifiers and
ListRecords, which send records, are in ``harvest``.
"""

from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.utils import timezone, translation
from django.utils.text import capfirst

from exhibition.interop.oai import harvest, identifiers, listing, sets
from exhibition.interop.oai.dates import GRANULARITY, Window, datestamp
from exhibition.interop.oai.errors import (
    BAD_RESUMPTION_TOKEN,
    ID_DOES_NOT_EXIST,
    OAIError,
)
from exhibition.interop.oai.records import METADATA_PREFIX, languages
from exhibition.interop.oai.xml import (
    DC,
    OAI_DC,
    OAI_DC_SCHEMA,
    XML_LANG,
    add,
    dublin_core,
    verb_element,
)
from exhibition.models import Exhibition, Museum


@dataclass
class Context:
    request: object
    base_url: str

    @cached_property
    def museum(self):
        return Museum.load()

    @property
    def page_size(self):
        return max(1, settings.OAI_PAGE_SIZE)


def identify(context, arguments):
    museum = context.museum
    element = verb_element("Identify")
    add(element, "repositoryName", museum.name_en or museum.display_name)
    add(element, "baseURL", context.base_url)
    add(element, "protocolVersion", "2.0")
    add(element, "adminEmail", admin_email(context))
    add(element, "earliestDatestamp", earliest_datestamp())
    add(element, "deletedRecord", "persistent")
    add(element, "granularity", GRANULARITY)
    return element


def admin_email(context):
    """The museum's contact address; else the site's ADMINS; else a placeholder
    on the reserved ``.invalid`` domain when the host has no domain of its own."""
    if context.museum.email:
        return context.museum.email
    for _name, address in settings.ADMINS:
        return address
    domain = identifiers.repository_id(context.request)
    return f"webmaster@{domain if '.' in domain else domain + '.invalid'}"


def earliest_datestamp():
    first = listing.entries(Window()).order_by("oai_stamp")[:1]
    stamps = [stamp for _kind, _pk, stamp, _deleted, _sets in first]
    return datestamp(stamps[0] if stamps else timezone.now())


def list_metadata_formats(context, arguments):
    if "identifier" in arguments and not harvest.exists(
        context, arguments["identifier"]
    ):
        raise OAIError(ID_DOES_NOT_EXIST, "No record has this identifier.")
    element = verb_element("ListMetadataFormats")
    entry = add(element, "metadataFormat")
    add(entry, "metadataPrefix", METADATA_PREFIX)
    add(entry, "schema", OAI_DC_SCHEMA)
    add(entry, "metadataNamespace", OAI_DC)
    return element


def list_sets(context, arguments):
    if "resumptionToken" in arguments:
        # The list of sets always comes whole, so no token of ours can name a part.
        raise OAIError(BAD_RESUMPTION_TOKEN, "ListSets is never split.")
    element = verb_element("ListSets")
    for spec, source, kind in sets.all_sets():
        entry = add(element, "set")
        add(entry, "setSpec", spec)
        titles = set_titles(spec, source, kind)
        add(entry, "setName", next(iter(titles.values())))
        description = add(entry, "setDescription")
        dc = dublin_core(description)
        for tag, title in titles.items():
            add(dc, f"{{{DC}}}title", title, **{XML_LANG: tag})
        if source is not None:
            for _code, suffix, tag in languages():
                text = getattr(source, f"introduction_{suffix}", "")
                if text:
                    add(dc, f"{{{DC}}}description", text, **{XML_LANG: tag})
    return element


def set_titles(spec, source, kind):
    """``{xml:lang: title}`` of a set, in every language that has one."""
    titles = {}
    for code, suffix, tag in languages():
        if source is None:
            model = identifiers.models().get(kind, Exhibition)
            with translation.override(code):
                title = str(capfirst(model._meta.verbose_name_plural))
        else:
            title = getattr(source, f"title_{suffix}", "")
            # A section's name says which exhibition it belongs to.
            parent = getattr(getattr(source, "exhibition", None), f"title_{suffix}", "")
            if title and parent:
                title = f"{parent}: {title}"
        if title:
            titles[tag] = title
    return titles or {"en": spec}


# verb: (function, required arguments, optional arguments, exclusive argument)
VERBS = {
    "Identify": (identify, (), (), None),
    "ListMetadataFormats": (list_metadata_formats, (), ("identifier",), None),
    "ListSets": (list_sets, (), (), "resumptionToken"),
    "GetRecord": (harvest.get_record, ("identifier", "metadataPrefix"), (), None),
    "ListIdentifiers": (
        harvest.list_identifiers,
        ("metadataPrefix",),
        ("from", "until", "set"),
        "resumptionToken",
    ),
    "ListRecords": (
        harvest.list_records,
        ("metadataPrefix",),
        ("from", "until", "set"),
        "resumptionToken",
    ),
}
