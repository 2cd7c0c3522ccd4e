"""Every admin change form with inlines takes a new row in each of them, posted as
a browser posts it: the form as rendered, one row added per inline from the
row the page keeps for "Add another", its required fields filled. A new admin
or inline is walked without a test of its own (a row added through an inline
once answered 500 and no test had ever added one)."""

import re
from html import unescape

import pytest
from adminsortable2.admin import SortableAdminMixin, SortableInlineAdminMixin
from django import forms
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import RequestFactory
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice

from catalog.models import MediaItem
from tests.catalog.admin_forms import add_row, empty_row, form_values, inline_prefixes
from tests.factories import (
    cite,
    feature,
    hang,
    make_artifact,
    make_clip,
    make_exhibition,
    make_kiosk,
    make_person,
    make_photograph,
    make_section,
    make_source,
    media_bytes,
    uploaded_image,
)

pytestmark = pytest.mark.django_db


def admins_with_inlines():
    return [
        model_admin
        for model_admin in admin.site._registry.values()
        if model_admin.inlines
    ]


@pytest.fixture
def world(admin_user):
    """One of every record with inlines, then spares: each picker takes the
    newest choice, which nothing links to yet."""
    exhibition = make_exhibition()
    section = make_section(exhibition)
    artifact, photograph, person = make_artifact(), make_photograph(), make_person()
    hang(section, artifact)
    hang(section, photograph)
    feature(exhibition, person)
    cite(artifact)
    make_kiosk(exhibition).playlist.create(photograph=photograph)
    make_clip(artifact)
    # The spares, newest of their kind.
    make_section(exhibition)
    make_artifact()
    make_photograph()
    make_person()
    make_source()
    make_clip(artifact)
    # The two-step login's admin has inlines too (a device's recovery codes).
    StaticDevice.objects.create(user=admin_user, name="Recovery codes")


def also_needed(model):
    """What a row needs beyond the fields its form marks required, because its
    model's own checks ask for it."""
    if model is MediaItem:  # a clip is a recording, with what is said in it
        recording = SimpleUploadedFile("walked.opus", media_bytes("tone.opus"))
        return {"file_en": recording, "transcript_en": "What is said."}
    return {}


def value_for(name, field):
    """What a person would put in a row's ``field``."""
    if isinstance(field, forms.ModelChoiceField):
        choice = field.queryset.order_by("-pk").first()
        assert choice is not None, f"the world has nothing to choose for {name}"
        return str(choice.pk)
    if isinstance(field, forms.ImageField | forms.FileField):
        return uploaded_image(f"{name}.jpg")
    if isinstance(field, forms.IntegerField):
        return str(max(field.min_value or 1, 1))
    if isinstance(field, forms.ChoiceField):
        return next(str(value) for value, _label in field.choices if value)
    if isinstance(field, forms.SlugField):
        return "walked-row"
    return "Walked row"


def new_row(formset, template):
    """``{field: value}`` for one new row: its empty required fields, or (when
    it has none, e.g. an artifact *or* a photograph) its first field."""
    shown = {
        name: field
        for name, field in formset.form.base_fields.items()
        if name in template and not isinstance(field.widget, forms.HiddenInput)
    }
    row = {
        name: value_for(name, field)
        for name, field in shown.items()
        if field.required and not template[name]
    }
    if not row and shown:
        name, field = next(iter(shown.items()))
        row[name] = value_for(name, field)
    return row


def errors_in(html):
    return [
        unescape(re.sub(r"<[^>]+>", " ", error)).split()
        for error in re.findall(
            r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', html, re.S
        )
    ]


@pytest.mark.parametrize(
    "model_admin", admins_with_inlines(), ids=lambda a: a.model._meta.label
)
def test_a_row_added_to_each_inline_of_a_change_form_is_saved(
    admin_client, admin_user, world, model_admin
):
    model = model_admin.model
    obj = model.objects.order_by("pk").first()
    assert obj is not None, f"make a {model._meta.label} in the world fixture"
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    html = admin_client.get(url).content.decode()
    values = form_values(html)
    request = RequestFactory().get(url)
    request.user = admin_user
    formsets = [
        formset
        for formset, _inline in model_admin.get_formsets_with_inlines(request, obj)
    ]
    rendered = inline_prefixes(html)
    before = {}
    for formset in formsets:
        prefix = formset.get_default_prefix()
        assert prefix in rendered, f"{prefix} is not on the page"
        row = new_row(formset, empty_row(html, prefix)) | also_needed(formset.model)
        add_row(values, html, prefix, row)
        before[prefix] = formset(instance=obj).get_queryset().count()

    response = admin_client.post(url, values)

    assert response.status_code == 302, errors_in(response.content.decode())
    after = {
        formset.get_default_prefix(): formset(instance=obj).get_queryset().count()
        for formset in formsets
    }
    assert after == {prefix: count + 1 for prefix, count in before.items()}


def sortables():
    for model_admin in admin.site._registry.values():
        if isinstance(model_admin, SortableAdminMixin):
            yield model_admin.model, model_admin.default_order_field, str(model_admin)
        for inline_class in model_admin.inlines:
            if issubclass(inline_class, SortableInlineAdminMixin):
                inline = inline_class(model_admin.model, admin.site)
                # Named by class: an instance's name holds its address, which
                # differs between pytest-xdist workers, and they must collect alike.
                where = f"{inline_class.__name__} in {model_admin}"
                yield inline.model, inline.default_order_field, where


@pytest.mark.parametrize(("model", "order_field", "where"), list(sortables()))
def test_every_sortable_admin_orders_by_a_number_of_its_own(model, order_field, where):
    """django-admin-sortable2 reorders by the first ``ordering`` entry: a foreign
    key there made new rows answer 500, and dragging rewrote the parent link."""
    field = model._meta.get_field(order_field)
    assert isinstance(field, models.IntegerField) and not field.is_relation, where
