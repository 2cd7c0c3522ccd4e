"""Resumption tokens: where a list stopped and what it was asked for, signed.

A token carries the request's arguments, the last (kind, id) sent and the counts,
so the next page is a keyset query (stable while records change between pages)
and nothing is kept on the server. The signature makes a forged or edited token a
``badResumptionToken``, never a query of the harvester's choosing.
"""

from dataclasses import asdict, dataclass

from django.core import signing

from exhibition.interop.oai.errors import BAD_RESUMPTION_TOKEN, OAIError

SALT = "exhibition.interop.oai.tokens"


@dataclass(frozen=True)
class Position:
    verb: str
    metadata_prefix: str
    set_spec: str | None
    since: str | None
    until: str | None
    after_kind: str
    after_id: int
    cursor: int  # how many entries earlier pages held
    total: int  # completeListSize, counted on the first page


def encode(position):
    return signing.dumps(asdict(position), salt=SALT, compress=True)


def decode(token, verb):
    try:
        position = Position(**signing.loads(token, salt=SALT))
    except (signing.BadSignature, TypeError, ValueError) as error:
        raise OAIError(
            BAD_RESUMPTION_TOKEN,
            "This repository gave no such resumption token.",
        ) from error
    if position.verb != verb:
        raise OAIError(
            BAD_RESUMPTION_TOKEN, f"The resumption token belongs to {position.verb}."
        )
    return position
