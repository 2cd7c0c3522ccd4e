"""Record identifiers: ``oai:<repository>:<kind>:<id>``, stable through any edit.

The last part is the record's database id, not its slug or accession number:
curators may correct both (a retitled record gets a new slug), while the id stays
the record's for life, survives a delete and a restore from history (which reuses
it) and is never given to another record (PostgreSQL sequences and Django's SQLite
``AUTOINCREMENT`` never reuse one). The repository part is ``OAI_REPOSITORY_ID``,
or else the host the harvester asked.
"""

from django.conf import settings
from django.http.request import split_domain_port

from catalog.models import Artifact, Person, Photograph

# In the order lists walk them (resumption depends on it: keep it sorted).
KINDS = ("artifact", "person", "photograph")


def models():
    return {"artifact": Artifact, "person": Person, "photograph": Photograph}


def kind_of(model):
    return {model: kind for kind, model in models().items()}[model]


def repository_id(request):
    configured = settings.OAI_REPOSITORY_ID.strip()
    if configured:
        return configured
    domain, _port = split_domain_port(request.get_host())
    return domain or "localhost"


def identifier(request, kind, pk):
    return f"oai:{repository_id(request)}:{kind}:{pk}"


def parse(request, value):
    """(kind, id) named by ``value``, or ``None`` if it names nothing of ours."""
    prefix, _sep, rest = value.partition(f"oai:{repository_id(request)}:")
    if prefix or not rest:
        return None
    kind, _sep, pk = rest.partition(":")
    if kind not in KINDS or not pk.isascii() or not pk.isdigit():
        return None
    number = int(pk)
    if str(number) != pk or number == 0 or number >= 2**63:
        return None
    return kind, number
