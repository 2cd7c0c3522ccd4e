"""Validate OAI-PMH responses against the schemas shipped in ``schemas/``, offline."""

import functools
from pathlib import Path

from lxml import etree

SCHEMAS = Path(__file__).resolve().parent / "schemas"


class LocalSchemas(etree.Resolver):
    """Answers every schema import (an http:// schemaLocation) from ``schemas/``."""

    def resolve(self, url, public_id, context):
        local = SCHEMAS / url.rsplit("/", 1)[-1]
        if local.suffix == ".xsd" and local.exists():
            return self.resolve_filename(str(local), context)
        raise AssertionError(f"schema {url} is not shipped in {SCHEMAS}")


@functools.cache
def schema():
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(LocalSchemas())
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "responses.xsd"), parser))


def validate(body):
    """The parsed response; fails the test with the schema's complaints if invalid."""
    document = etree.fromstring(body, etree.XMLParser(no_network=True))
    checker = schema()
    if not checker.validate(document):
        raise AssertionError(
            "response is not valid OAI-PMH:\n"
            + str(checker.error_log)
            + "\n"
            + body.decode()[:3000]
        )
    return document
