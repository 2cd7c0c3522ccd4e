"""A curator's save that meets a database outage: the page says nothing was saved,
in the curator's language, and gives back every field they typed (never a secret)
in a form that posts them again."""

import pytest
from django.db import OperationalError
from django.test import RequestFactory

from staff.middleware import server_error
from tests.bench.outage_site import read_form

ADDRESS = "/admin/catalog/artifact/7/change/"
TYPED = [
    ("title_en", "Typed in the outage"),
    ("title_zh_hans", "停电时输入的标题"),
    ("people", "3"),
    ("people", "5"),
    ("images-TOTAL_FORMS", "0"),
    ("_save", "Save"),
]


def failed_save(path=ADDRESS, data=TYPED, language="en"):
    """What the site answers when the database fails under ``path``'s POST."""
    body = {}
    for name, value in data:
        body.setdefault(name, []).append(value)
    request = RequestFactory().post(path, body, HTTP_ACCEPT_LANGUAGE=language)
    request.COOKIES["csrftoken"] = "a" * 32
    try:
        raise OperationalError("connection refused")
    except OperationalError:
        return server_error(request)


def test_a_save_during_the_outage_gives_back_every_field_typed():
    response = failed_save()
    page = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "nothing was saved" in page
    assert "Title" in page  # the model's own label, not only the field's name
    given_back, action = read_form(page)
    assert action == ADDRESS
    assert [f for f in given_back if f[0] != "csrfmiddlewaretoken"] == TYPED
    assert dict(given_back)["csrfmiddlewaretoken"]


def test_the_page_speaks_chinese_to_a_chinese_browser():
    page = failed_save(language="zh-hans").content.decode()
    assert "未保存：无法连接数据库" in page
    assert "再次保存" in page
    assert "停电时输入的标题" in page


@pytest.mark.parametrize("name", ["password", "new_password1", "otp_token"])
def test_secrets_are_never_given_back(name):
    page = failed_save(data=[*TYPED, (name, "hunter2-secret")]).content.decode()
    assert "hunter2-secret" not in page


def test_a_login_during_the_outage_gets_the_plain_outage_page():
    data = [("username", "head"), ("password", "hunter2-secret")]
    page = failed_save("/admin/login/", data).content.decode()
    assert "The site will be back in a moment" in page
    assert "hunter2-secret" not in page


def test_a_visitor_during_the_outage_gets_the_outage_page_not_a_500():
    request = RequestFactory().get("/collection/")
    try:
        raise OperationalError("connection refused")
    except OperationalError:
        response = server_error(request)
    assert response.status_code == 503
    assert b"The site will be back in a moment" in response.content


def test_any_other_failure_still_gets_the_500_page():
    request = RequestFactory().get("/collection/")
    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(request)
    assert response.status_code == 500
