"""Inserting many new records and their history rows with one ``executemany`` per
chunk: the values read straight from each instance and converted by one function
per column chosen once, where ``bulk_create`` compiles every value of every row
through the ORM (most of a large import's time on these wide tables)."""

import functools
import time

from django.db import connection, models
from modeltranslation import fields as mt_fields
from modeltranslation.utils import (
    build_localized_fieldname,
    get_language,
    resolution_order,
)

from catalog.transfer.columns import translated_names

# Stored as the database driver takes them from Python.
AS_IS = (
    models.CharField,
    models.TextField,
    models.IntegerField,
    models.BooleanField,
    models.ForeignKey,
)


def converter(f):
    if isinstance(f, models.DateTimeField):
        # A chunk's records and history rows share the few moments of its writing.
        return functools.lru_cache(maxsize=16)(connection.ops.adapt_datetimefield_value)
    if isinstance(f, AS_IS):
        return None
    return functools.partial(f.get_db_prep_save, connection=connection)


def base_reader(model, name):
    """The untranslated column's value as modeltranslation's descriptor gives it
    (the active language, then the fallbacks), from the instance's own values."""
    descriptor = model.__dict__[name]
    if descriptor.fallback_value is not mt_fields.NONE:
        return lambda obj: getattr(obj, name)
    default = descriptor.field.get_default()
    undefined = descriptor.fallback_undefined
    if undefined is mt_fields.NONE:
        undefined = default
    order = resolution_order(get_language(), descriptor.fallback_languages)
    names = [build_localized_fieldname(name, lang) for lang in order]

    def read(obj):
        values = obj.__dict__
        for localized in names:
            value = values.get(localized)
            if value is not None and value != undefined:
                return value
        return default

    return read


def record_columns(model):
    """(column, read, convert) for every column but the pk: ``read`` is the
    attribute holding the value in the instance's ``__dict__``, or a function of
    the instance."""
    base = translated_names(model)
    columns = []
    for f in model._meta.concrete_fields:
        if f.primary_key:
            continue
        if f.name in base:
            read = base_reader(model, f.name)
        else:
            read = f.attname
        columns.append((f.column, read, converter(f)))
    return columns


def insert(table, columns, rows):
    """``rows``: lists of database values in the order of ``columns``. SQLite
    runs ``executemany`` in-process; PostgreSQL gets the rows by ``COPY`` (an
    ``executemany`` costs it a statement per row, and one statement of many rows
    costs the driver seconds to parse its placeholders)."""
    if not rows:
        return
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in columns)
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            marks = ", ".join(["%s"] * len(columns))
            sql = f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})"
            cursor.executemany(sql, rows)
            return
        sql = f"COPY {quote(table)} ({names}) FROM STDIN"
        started = time.monotonic()
        # Django's own errors (IntegrityError...), as its statements raise them.
        with connection.wrap_database_errors, cursor.cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)
        if connection.queries_logged:  # as Django logs the statements it runs
            connection.queries_log.append(
                {
                    "sql": f"{sql} -- {len(rows)} rows",
                    "time": f"{time.monotonic() - started:.3f}",
                }
            )


def insert_rows(model, rows):
    """Insert ``rows`` (dicts of attname → value) into ``model``'s table with one
    ``executemany``; a column a row leaves out gets its field's default, the pk
    the database's. For link and history rows, which need no model instance."""
    if not rows:
        return
    fields = [
        f
        for f in model._meta.concrete_fields
        if not (f.primary_key and isinstance(f, models.AutoField | models.BigAutoField))
    ]
    defaults = [(f.attname, f.get_default(), converter(f)) for f in fields]
    table = []
    for row in rows:
        line = []
        for attname, default, convert in defaults:
            value = row.get(attname, default)
            line.append(value if convert is None or value is None else convert(value))
        table.append(line)
    insert(model._meta.db_table, [f.column for f in fields], table)


def values(columns, obj):
    own = obj.__dict__
    row = []
    for _column, read, convert in columns:
        value = own[read] if read.__class__ is str else read(obj)
        row.append(value if convert is None or value is None else convert(value))
    return row


def insert_records(model, records, now, key):
    """Insert new ``records`` (created and changed at ``now``), then give each its
    pk, looked up by its natural ``key`` field in one query."""
    if not records:
        return
    for record in records:
        record.created_at = record.updated_at = now
    columns = record_columns(model)
    insert(
        model._meta.db_table,
        [column for column, _read, _convert in columns],
        [values(columns, record) for record in records],
    )
    keys = [getattr(record, key) for record in records]
    found = model.objects.filter(**{f"{key}__in": keys}).order_by(key)
    pks = dict(found.values_list(key, "pk"))
    for record in records:
        record.pk = pks[getattr(record, key)]
        record._state.adding = False
        record._state.db = connection.alias


def insert_history(model, records, history_type, user, now):
    """One history row for each record, as ``bulk_history_create`` writes it;
    returns {record pk: history row pk}."""
    if not records:
        return {}
    history = model.history.model
    columns = record_columns(model)
    tracked = {f.column for f in history.tracked_fields}
    pk_column = model._meta.pk.column
    chosen = [c for c in columns if c[0] in tracked]
    extra = {
        "history_date": connection.ops.adapt_datetimefield_value(now),
        "history_change_reason": "imported",
        "history_type": history_type,
        "history_user_id": user.pk if user is not None else None,
    }
    names = [pk_column, *(c[0] for c in chosen), *extra]
    rows = [[record.pk, *values(chosen, record), *extra.values()] for record in records]
    insert(history._meta.db_table, names, rows)
    written = history.objects.filter(
        history_date=now, id__in=[record.pk for record in records]
    )
    return dict(written.order_by().values_list("id", "history_id"))
