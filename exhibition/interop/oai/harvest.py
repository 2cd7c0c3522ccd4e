"""The verbs that send records: GetRecord, ListIdentifiers and ListRecords.

A page costs a fixed number of queries whatever its size: the page of headers, the
count (first page only, and only when there is more than one), set memberships,
and each kind's records with what ``oai_dc`` reads.
"""

import re
from dataclasses import replace

from exhibition.interop.oai import identifiers, listing, sets, tokens
from exhibition.interop.oai.dates import Window, datestamp
from exhibition.interop.oai.errors import (
    CANNOT_DISSEMINATE_FORMAT,
    ID_DOES_NOT_EXIST,
    NO_RECORDS_MATCH,
    OAIError,
    bad_argument,
)
from exhibition.interop.oai.records import (
    METADATA_PREFIX,
    Writer,
    published_records,
)
from exhibition.interop.oai.xml import add, verb_element
from exhibition.models import OaiTombstone

PREFIX = re.compile(r"^[A-Za-z0-9\-_.!~*'()]+$")


def check_format(prefix):
    if not PREFIX.match(prefix):
        raise bad_argument("The metadataPrefix argument is not a valid prefix.")
    if prefix != METADATA_PREFIX:
        raise OAIError(
            CANNOT_DISSEMINATE_FORMAT,
            f"Records are available as {METADATA_PREFIX} only.",
        )


def exists(context, identifier):
    """Whether ``identifier`` names a published record or a deleted one."""
    named = identifiers.parse(context.request, identifier)
    if named is None:
        return False
    kind, pk = named
    return (
        identifiers.models()[kind].objects.published().filter(pk=pk).exists()
        or OaiTombstone.objects.filter(kind=kind, record_id=pk).exists()
    )


def header(context, parent, kind, pk, stamp, specs, deleted=False):
    element = add(parent, "header", **({"status": "deleted"} if deleted else {}))
    add(element, "identifier", identifiers.identifier(context.request, kind, pk))
    add(element, "datestamp", datestamp(stamp))
    for spec in specs:
        add(element, "setSpec", spec)
    return element


def get_record(context, arguments):
    check_format(arguments["metadataPrefix"])
    named = identifiers.parse(context.request, arguments["identifier"])
    if named is None:
        raise OAIError(ID_DOES_NOT_EXIST, "No record has this identifier.")
    kind, pk = named
    element = verb_element("GetRecord")
    record = published_records(kind, [pk]).get(pk)
    if record is not None:
        entry = listing.Entry(kind, pk, record.updated_at, False, "")
        write(context, element, [entry], {kind: {pk: record}})
        return element
    tombstone = OaiTombstone.objects.filter(kind=kind, record_id=pk).first()
    if tombstone is None:
        raise OAIError(ID_DOES_NOT_EXIST, "No record has this identifier.")
    entry = listing.Entry(kind, pk, tombstone.deleted_at, True, tombstone.set_specs)
    write(context, element, [entry], {kind: {}})
    return element


def list_identifiers(context, arguments):
    return harvest(context, arguments, "ListIdentifiers", with_records=False)


def list_records(context, arguments):
    return harvest(context, arguments, "ListRecords", with_records=True)


def start(verb, arguments):
    """Where the list begins: from a resumption token, or from the arguments."""
    if "resumptionToken" in arguments:
        return tokens.decode(arguments["resumptionToken"], verb)
    check_format(arguments["metadataPrefix"])
    set_spec = arguments.get("set")
    if set_spec is not None and not sets.is_valid(set_spec):
        raise bad_argument("The set argument is not a valid setSpec.")
    try:
        Window.from_arguments(arguments.get("from"), arguments.get("until"))
    except ValueError as error:
        raise bad_argument(
            "from and until must be UTC dates (YYYY-MM-DD) or times "
            "(YYYY-MM-DDThh:mm:ssZ) of the same granularity, from before until."
        ) from error
    return tokens.Position(
        verb=verb,
        metadata_prefix=arguments["metadataPrefix"],
        set_spec=set_spec,
        since=arguments.get("from"),
        until=arguments.get("until"),
        after_kind="",
        after_id=0,
        cursor=0,
        total=-1,
    )


def harvest(context, arguments, verb, with_records):
    position = start(verb, arguments)
    window = Window.from_arguments(position.since, position.until)
    after = (position.after_kind, position.after_id) if position.cursor else None
    entries, more = listing.page(window, position.set_spec, after, context.page_size)
    if not entries:
        raise OAIError(NO_RECORDS_MATCH, "No records match these arguments.")
    total = position.total
    if total < 0:
        total = listing.count(window, position.set_spec) if more else len(entries)
    records = None
    if with_records:
        records = {
            kind: published_records(
                kind, [e.pk for e in entries if e.kind == kind and not e.deleted]
            )
            for kind in identifiers.KINDS
        }
    element = verb_element(verb)
    write(context, element, entries, records)
    if more or position.cursor:
        attributes = {"completeListSize": str(total), "cursor": str(position.cursor)}
        token = ""
        if more:
            last = entries[-1]
            token = tokens.encode(
                replace(
                    position,
                    after_kind=last.kind,
                    after_id=last.pk,
                    cursor=position.cursor + len(entries),
                    total=total,
                )
            )
        add(element, "resumptionToken", token, **attributes)
    return element


def write(context, parent, entries, records):
    """Headers, and with ``records`` the records around them, into ``parent``."""
    specs = sets.specs_of([entry.key for entry in entries if not entry.deleted])
    writer = Writer(context.request, context.museum) if records is not None else None
    for entry in entries:
        if entry.deleted:
            entry_specs = entry.stored_sets.split()
        else:
            entry_specs = specs.get(entry.key, [entry.kind])
        if writer is None:
            header(
                context,
                parent,
                entry.kind,
                entry.pk,
                entry.stamp,
                entry_specs,
                entry.deleted,
            )
            continue
        record = None if entry.deleted else records[entry.kind].get(entry.pk)
        if record is None and not entry.deleted:
            continue  # withdrawn between the two queries: next harvest says so
        element = add(parent, "record")
        header(
            context,
            element,
            entry.kind,
            entry.pk,
            entry.stamp,
            entry_specs,
            entry.deleted,
        )
        if record is not None:
            writer.write(add(element, "metadata"), entry.kind, record)
