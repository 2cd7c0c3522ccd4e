"""The API's documentation page works in a real browser under the site's strict
Content-Security-Policy, and its "Try it out" reaches the live API."""

import re

from playwright.sync_api import expect


def test_swagger_ui_renders_every_operation_without_csp_violations(page, site):
    problems = []
    page.on(
        "console",
        lambda message: message.type == "error" and problems.append(message.text),
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(site.url + "/api/v1/docs/")
    expect(page.locator(".opblock").first).to_be_visible(timeout=15_000)
    assert page.locator(".opblock").count() == 11
    assert problems == []


def test_trying_an_operation_from_the_docs_gets_published_records(page, site):
    page.goto(site.url + "/api/v1/docs/")
    operation = page.locator("#operations-artifacts-artifacts_list")
    operation.locator(".opblock-summary").click()
    operation.get_by_role("button", name="Try it out").click()
    operation.get_by_role("button", name="Execute").click()
    body = operation.locator(".responses-wrapper .live-responses-table")
    expect(body).to_contain_text(re.compile(r'"count": \d+'), timeout=15_000)
