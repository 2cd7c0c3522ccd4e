"""Read an admin change form's current values, to post it back as a browser would."""

import re
from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.data = []
        self.select = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = (attrs.get("id") or "").endswith(self.form_id)
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            default = "on" if kind in ("checkbox", "radio") else ""
            self.data.append((name, attrs.get("value", default)))
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in attrs:
            self.data.append((self.select, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self.textarea = [name, ""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            value = self.textarea[1]
            self.data.append((self.textarea[0], value.removeprefix("\n")))
            self.textarea = None


def _read(html, form_id):
    reader = _FormReader(form_id)
    reader.feed(html)
    return reader.data


def form_values(html, form_id="_form"):
    """``{name: value or [values]}`` of the admin form in ``html``."""
    values = {}
    for name, value in _read(html, form_id):
        if "__prefix__" in name:
            continue
        if name in values:
            existing = values[name]
            values[name] = (
                [*existing, value]
                if isinstance(existing, list)
                else [
                    existing,
                    value,
                ]
            )
        else:
            values[name] = value
    values.pop("csrfmiddlewaretoken", None)
    return values


def post_change_form(client, url, changes=None, **extra):
    """GET the change form at ``url``, apply ``changes`` and POST it back."""
    page = client.get(url)
    assert page.status_code == 200, page.status_code
    data = {**form_values(page.content.decode()), **(changes or {}), **extra}
    return client.post(url, data)


def opened(client, url):
    """The values of the admin form at ``url``, as its page shows them now."""
    page = client.get(url)
    assert page.status_code == 200, page.status_code
    return form_values(page.content.decode())


def inline_prefixes(html, form_id="_form"):
    """The prefixes of the inline formsets in the admin form in ``html``."""
    return [
        name.removesuffix("-TOTAL_FORMS")
        for name, _value in _read(html, form_id)
        if name.endswith("-TOTAL_FORMS")
    ]


def empty_row(html, prefix, form_id="_form"):
    """``{field: default}`` of the row inline ``prefix`` keeps for "Add another"
    (every field it shows; "" where it has no value, an unchosen select too)."""
    template = f"{prefix}-__prefix__-"
    names = re.findall(rf'name="{re.escape(template)}([^"]+)"', html)
    defaults = {
        name.removeprefix(template): value
        for name, value in _read(html, form_id)
        if name.startswith(template)
    }
    return {name: defaults.get(name, "") for name in names}


def add_row(values, html, prefix, fields=None, form_id="_form"):
    """Add a row to inline ``prefix`` in ``values`` as "Add another" does in a
    browser: the empty form's fields with their defaults, numbered next, then
    ``fields`` (``{name: value}`` without the prefix). Returns the row's prefix."""
    index = int(values[f"{prefix}-TOTAL_FORMS"])
    row = f"{prefix}-{index}-"
    template = f"{prefix}-__prefix__-"
    for name, value in _read(html, form_id):
        if name.startswith(template):
            values[row + name.removeprefix(template)] = value
    for name, value in (fields or {}).items():
        values[row + name] = value
    values[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    return row


def post_with_new_row(client, url, prefix, fields):
    """Open the change form at ``url``, add one row to inline ``prefix``, save."""
    html = client.get(url).content.decode()
    values = form_values(html)
    add_row(values, html, prefix, fields)
    return client.post(url, values)
