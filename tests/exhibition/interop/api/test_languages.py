"""An answer speaks the language asked for by ``lang`` or Accept-Language, or
all of them as language maps; an unknown language is a 400."""

import pytest

from exhibition.interop.api import languages

pytestmark = pytest.mark.django_db
BOWL = "/api/v1/artifacts/blue-bowl/"


def test_english_is_the_default(client, world):
    response = client.get(BOWL)
    assert response.json()["title"] == "Blue bowl"
    assert response["Content-Language"] == "en"
    assert response.json()["page"] == "http://testserver/artifacts/blue-bowl/"


@pytest.mark.parametrize("value", ["zh-hans", "zh-Hans", "ZH-HANS"])
def test_lang_picks_chinese_in_plain_strings(client, world, value):
    response = client.get(BOWL, {"lang": value})
    data = response.json()
    assert data["title"] == "青碗"
    assert data["people"][0]["name"] == "梅师傅"
    assert data["placements"][0]["section_title"] == "窑"
    assert data["page"] == "http://testserver/zh-hans/artifacts/blue-bowl/"
    assert response["Content-Language"] == "zh-Hans"


@pytest.mark.parametrize("header", ["zh-CN,zh;q=0.9,en;q=0.5", "zh", "zh-Hans"])
def test_accept_language_picks_chinese_without_lang(client, world, header):
    response = client.get(BOWL, headers={"accept-language": header})
    assert response.json()["title"] == "青碗"
    assert response["Vary"] == "Accept-Language"


def test_lang_wins_over_accept_language(client, world):
    response = client.get(BOWL, {"lang": "en"}, headers={"accept-language": "zh-CN"})
    assert response.json()["title"] == "Blue bowl"


@pytest.mark.parametrize("header", ["fr-FR", "*", "", ";;;q=x,"])
def test_an_unsupported_accept_language_falls_back_to_english(client, world, header):
    response = client.get(BOWL, headers={"accept-language": header})
    assert response.status_code == 200
    assert response.json()["title"] == "Blue bowl"


def test_chinese_falls_back_to_english_where_nothing_is_translated(client, world):
    jar = client.get("/api/v1/artifacts/red-jar/", {"lang": "zh-hans"}).json()
    assert jar["title"] == "Red jar"


def test_lang_all_gives_every_translated_field_as_a_language_map(client, world):
    response = client.get(BOWL, {"lang": "all"})
    data = response.json()
    assert data["title"] == {"en": "Blue bowl", "zh-Hans": "青碗"}
    assert data["description"] == {"en": "A bowl.", "zh-Hans": ""}
    assert data["object_type"]["label"]["en"]
    assert data["people"][0]["name"] == {"en": "Mei Maker", "zh-Hans": "梅师傅"}
    assert data["accession_number"] == world.bowl.accession_number  # not translated
    assert response["Content-Language"] == "en, zh-Hans"
    jar = client.get("/api/v1/artifacts/red-jar/", {"lang": "all"}).json()
    assert jar["title"] == {"en": "Red jar", "zh-Hans": ""}  # no fallback in a map


def test_lists_and_nested_lists_speak_the_language_too(client, world):
    listed = client.get("/api/v1/exhibitions/", {"lang": "zh-hans"}).json()
    assert listed["results"][0]["title"] == "火与土"
    assert listed["results"][0]["sections"][0]["title"] == "窑"
    items = client.get(
        "/api/v1/exhibitions/ceramics/sections/kilns/items/", {"lang": "all"}
    ).json()
    assert items["results"][1]["record"]["title"] == {
        "en": "Blue bowl",
        "zh-Hans": "青碗",
    }


def test_an_unknown_lang_is_a_400_naming_the_choices(client, world):
    response = client.get(BOWL, {"lang": "fr"})
    assert response.status_code == 400
    message = response.json()["errors"]["lang"][0]
    assert "fr" in message and "zh-Hans" in message and "all" in message


def test_a_request_leaves_no_language_behind(client, world):
    from django.utils import translation

    client.get(BOWL, {"lang": "zh-hans"})
    assert translation.get_language() == "en"


def test_language_tags_are_bcp47():
    assert languages.tag("zh-hans") == "zh-Hans"
    assert languages.tag("en") == "en"
    assert languages.choices() == ["en", "zh-Hans", "all"]


def test_errors_speak_the_language_asked_for(client, world):
    response = client.get("/api/v1/artifacts/", {"lang": "zh-hans", "page": "x"})
    assert response.status_code == 400
    assert response.json()["detail"] == "部分参数无效。"
    assert response.json()["errors"]["page"] == ["请输入从 1 起的整数。"]


def test_an_exhibition_s_galleries_speak_the_language_asked_for(client):
    from tests.factories import make_exhibition

    make_exhibition(
        slug="tides", galleries_en="Gallery 3", galleries_zh_hans="第三展厅"
    )
    address = "/api/v1/exhibitions/tides/"
    assert client.get(address, {"lang": "zh-Hans"}).json()["galleries"] == "第三展厅"
    assert client.get(address, {"lang": "all"}).json()["galleries"] == {
        "en": "Gallery 3",
        "zh-Hans": "第三展厅",
    }
