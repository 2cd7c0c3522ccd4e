"""The OpenAPI schema is valid and true: schemathesis drives every operation
with generated requests and finds no server error and no answer that breaks the
schema; the documentation page is served from our own files under our CSP."""

import re

import pytest
import schemathesis
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from config.wsgi import application

pytestmark = pytest.mark.django_db
SCHEMA = "/api/v1/schema/?format=json"
EXAMPLES = 15  # per operation and mode: 480 generated requests in all


def test_the_schema_validates_without_warnings(tmp_path):
    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    text = target.read_text()
    assert "/api/v1/exhibitions/{exhibition}/sections/{slug}/items/" in text


def test_every_parameter_has_a_real_type(client):
    schema = client.get(SCHEMA).json()
    operations = [op for path in schema["paths"].values() for op in path.values()]
    assert len(operations) == 11
    for operation in operations:
        for parameter in operation["parameters"]:
            kind = parameter["schema"]["type"]
            assert kind in {"string", "integer", "boolean", "array"}, parameter
            if kind == "array":
                assert parameter["schema"]["items"]["type"] == "string"


@pytest.fixture
def unthrottled(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute"},
    }


@pytest.fixture
def wsgi_keeps_the_test_transaction():
    """Calling the WSGI app directly fires request_started/finished, which close
    the database connection mid-test; Django's test client unhooks them the same way."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def api_schema(world, unthrottled, wsgi_keeps_the_test_transaction):
    return schemathesis.openapi.from_wsgi(SCHEMA, application)


OPERATIONS = [
    ("/api/v1/exhibitions/", None),
    ("/api/v1/exhibitions/{slug}/", None),
    ("/api/v1/exhibitions/{slug}/", {"slug": "ceramics"}),
    ("/api/v1/exhibitions/{exhibition}/sections/", None),
    ("/api/v1/exhibitions/{exhibition}/sections/", {"exhibition": "ceramics"}),
    ("/api/v1/exhibitions/{exhibition}/sections/{slug}/", None),
    ("/api/v1/exhibitions/{exhibition}/sections/{slug}/items/", None),
    (
        "/api/v1/exhibitions/{exhibition}/sections/{slug}/items/",
        {"exhibition": "ceramics", "slug": "kilns"},
    ),
    ("/api/v1/artifacts/", None),
    ("/api/v1/artifacts/{slug}/", None),
    ("/api/v1/artifacts/{slug}/", {"slug": "blue-bowl"}),
    ("/api/v1/photographs/", None),
    ("/api/v1/photographs/{slug}/", None),
    ("/api/v1/people/", None),
    ("/api/v1/people/{slug}/", None),
    ("/api/v1/people/{slug}/", {"slug": "guild"}),
]


def test_the_operations_below_are_all_of_them(api_schema):
    listed = {path for path, _parameters in OPERATIONS}
    assert {op.ok().path for op in api_schema.get_all_operations()} == listed


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize("path, parameters", OPERATIONS)
def test_generated_requests_get_answers_that_match_the_schema(
    api_schema, path, parameters, mode
):
    """Valid requests (and, in negative mode, invalid ones): never a 5xx, every
    status documented, every body as the schema describes it."""
    operation = api_schema[path]["GET"]
    strategy = operation.as_strategy(generation_mode=mode, path_parameters=parameters)

    @given(case=strategy)
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    def answers_as_documented(case):
        response = case.call()
        assert response.status_code < 500, response.text
        if mode is GenerationMode.POSITIVE:
            # Every check, acceptance of schema-valid data included: an unknown
            # slug finds nothing and an empty value counts as not given.
            case.validate_response(response)
        else:
            assert response.headers["content-type"] == ["application/json"]

    answers_as_documented()


@pytest.mark.parametrize(
    "path, parameters",
    [
        ("/api/v1/exhibitions/{slug}/", {"slug": "ceramics"}),
        ("/api/v1/exhibitions/{exhibition}/sections/", {"exhibition": "ceramics"}),
        (
            "/api/v1/exhibitions/{exhibition}/sections/{slug}/",
            {"exhibition": "ceramics", "slug": "kilns"},
        ),
        (
            "/api/v1/exhibitions/{exhibition}/sections/{slug}/items/",
            {"exhibition": "ceramics", "slug": "kilns"},
        ),
        (
            "/api/v1/exhibitions/{exhibition}/sections/{slug}/items/",
            {"exhibition": "ceramics", "slug": "glazes"},
        ),
        ("/api/v1/artifacts/{slug}/", {"slug": "blue-bowl"}),
        ("/api/v1/artifacts/{slug}/", {"slug": "red-jar"}),
        ("/api/v1/photographs/{slug}/", {"slug": "kiln-photo"}),
        ("/api/v1/people/{slug}/", {"slug": "maker"}),
        ("/api/v1/people/{slug}/", {"slug": "guild"}),
    ],
)
@pytest.mark.parametrize("lang", ["en", "zh-Hans", "all"])
def test_real_records_match_the_schema_in_every_language(
    api_schema, path, parameters, lang
):
    case = api_schema[path]["GET"].Case(
        path_parameters=parameters, query={"lang": lang}
    )
    response = case.call_and_validate()
    assert response.status_code == 200


def test_the_docs_page_is_swagger_ui_from_our_own_files(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<style" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)  # no inline script
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert len(sources) == 6, sources  # icon, 2 stylesheets, 3 scripts
    scripts = [s for s in sources if s.startswith("/api/v1/docs/")]
    assert scripts == ["/api/v1/docs/?script="]
    for source in set(sources) - set(scripts):
        assert source.startswith("/static/"), source  # no other host
        assert finders.find(source.removeprefix("/static/")), source
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_the_docs_page_says_its_language(client):
    # Outside the language prefix the active language is the default one, and
    # Swagger UI's own words are English.
    html = client.get("/api/v1/docs/", HTTP_ACCEPT_LANGUAGE="zh-CN").content.decode()
    assert '<html lang="en">' in html


def test_the_docs_start_up_script_points_at_the_schema(client):
    script = client.get("/api/v1/docs/", {"script": ""})
    assert script["Content-Type"].startswith("application/javascript")
    assert "/api/v1/schema/" in script.content.decode()
