"""The curators' figures: an exhibition's page (figures, order, period, chart,
table, CSV, permission) and a record's own figures on its change page."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from exhibition.models import Channel, UseCount
from exhibition.stats import counter
from tests.factories import (
    feature,
    hang,
    make_artifact,
    make_exhibition,
    make_kiosk,
    make_person,
    make_photograph,
    make_section,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def one_day(monkeypatch):
    """Every test here happens at noon of one day in the museum's time zone: the
    uses, the figures' seven days and the assertions all read the same date, even
    in a run that crosses midnight."""
    noon = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0)
    monkeypatch.setattr(timezone, "now", lambda: noon)


def today():
    return timezone.localdate()


def days_ago(n):
    return today() - datetime.timedelta(days=n)


@pytest.fixture
def shown():
    """An exhibition with three records, a featured person, a kiosk, and uses."""
    exhibition = make_exhibition(slug="tea", title_en="Tea roads")
    section = make_section(exhibition)
    kettle = make_artifact(title_en="Iron kettle", title_zh_hans="铁壶")
    bowl = make_artifact(title_en="=HYPERLINK(1)", title_zh_hans="碗")
    harbour = make_photograph(title_en="Harbour")
    for n, record in enumerate([kettle, bowl, harbour]):
        hang(section, record, position=n)
    merchant = make_person(name_en="A merchant")
    feature(exhibition, merchant)
    kiosk = make_kiosk(exhibition, name_en="Hall kiosk")
    elsewhere = make_artifact(title_en="Not in this exhibition")
    add = UseCount.objects.add
    add(Channel.WEB, "artifact", bowl.pk, day=days_ago(1), by=4)
    add(Channel.SCAN, "artifact", bowl.pk, day=days_ago(2), by=2)
    add(Channel.KIOSK, "artifact", kettle.pk, kiosk=kiosk, day=days_ago(3), by=9)
    add(Channel.WEB, "artifact", kettle.pk, day=days_ago(20), by=5)  # not in 7 days
    add(Channel.AUDIO, "person", merchant.pk, day=days_ago(0), by=1)
    add(Channel.WEB, "artifact", elsewhere.pk, day=days_ago(1), by=100)
    counter.count(Channel.IIIF, "photograph", harbour.pk)  # still in the cache
    return exhibition, kettle, bowl, harbour, merchant, kiosk


def page_of(client, exhibition, query=""):
    return client.get(f"/admin/figures/exhibition/{exhibition.pk}/{query}")


def test_the_page_ranks_the_exhibitions_records_by_use(curator_client, shown):
    exhibition, kettle, bowl, harbour, merchant, kiosk = shown
    response = page_of(curator_client, exhibition)
    assert response.status_code == 200
    rows = response.context["rows"]
    assert [(row.record, row.total) for row, _ in rows] == [
        (kettle, 14),
        (bowl, 6),
        (merchant, 1),  # a tie: by name
        (harbour, 1),  # flushed from the cache before reading
    ]
    assert [share for _, share in rows] == [100, 43, 7, 7]
    assert rows[0][0].by_channel == {"web": 5, "kiosk": 9}
    figures = response.context["figures"]
    assert figures.totals == {"web": 9, "scan": 2, "kiosk": 9, "audio": 1, "iiif": 1}
    assert [(row.kiosk, row.opens, row.most_opened) for row in figures.kiosks] == [
        (kiosk, 9, kettle)
    ]
    page = response.content.decode()
    assert "Not in this exhibition" not in page
    assert page.index("Iron kettle") < page.index("Harbour")


def test_plays_of_a_sections_clips_are_among_the_exhibitions_figures(
    curator_client, shown
):
    """An audio guide's stops hang on sections: a section with plays is a row of
    its own, linked to the section's admin page."""
    exhibition = shown[0]
    section = exhibition.sections.get()
    UseCount.objects.add(Channel.AUDIO, "section", section.pk, day=days_ago(0), by=3)
    elsewhere = make_section(make_exhibition(slug="silk"))
    UseCount.objects.add(Channel.AUDIO, "section", elsewhere.pk, day=days_ago(0), by=50)
    response = page_of(curator_client, exhibition)
    rows = {row.record: row for row, _ in response.context["rows"]}
    assert rows[section].by_channel == {"audio": 3}
    assert elsewhere not in rows
    assert response.context["figures"].totals["audio"] == 4  # and the merchant's 1
    assert f'href="/admin/exhibition/section/{section.pk}/change/"' in (
        response.content.decode()
    )


def test_a_shorter_period_leaves_older_uses_out(curator_client, shown):
    exhibition, kettle, bowl, *_ = shown
    response = page_of(curator_client, exhibition, "?days=7")
    rows = response.context["rows"]
    assert [(row.record, row.total) for row, _ in rows][:2] == [(kettle, 9), (bowl, 6)]
    assert len(response.context["figures"].daily) == 7
    page = response.content.decode()
    assert 'href="?days=7" aria-current="page"' in page


@pytest.mark.parametrize("days", ["365", "abc", "-7", ""])
def test_an_unknown_period_says_so_and_shows_thirty_days(curator_client, shown, days):
    response = page_of(curator_client, shown[0], f"?days={days}")
    assert response.status_code == 200
    assert response.context["days"] == 30
    assert "A period is the last 7, 30 or 90 days" in response.content.decode()


def test_the_trend_is_an_accessible_svg_with_a_table_of_the_same_figures(
    curator_client, shown
):
    page = page_of(curator_client, shown[0], "?days=7").content.decode()
    assert '<svg class="usage-chart"' in page and 'role="img"' in page
    assert '<title id="usage-trend-title">Uses per day, last 7 days</title>' in page
    assert '<desc id="usage-trend-desc">Uses per day from' in page
    assert page.count("<polyline") == len(Channel.values)
    assert "The same figures as a table" in page
    table = page.split("Uses per day and channel")[1].split("</table>")[0]
    assert table.count("<tr>") == 1 + 7  # the heading row and one row per day


def test_the_csv_gives_the_same_figures_with_formulas_neutralised(
    curator_client, shown
):
    exhibition, kettle, bowl, harbour, merchant, kiosk = shown
    response = page_of(curator_client, exhibition, "?days=30&csv=records")
    assert response["Content-Type"].startswith("text/csv")
    assert "uses-tea-30-days-records.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "kind", "record_id", "title_en", "title_zh_hans",
        "web", "scan", "kiosk", "audio", "iiif", "total",
    ]  # fmt: skip
    assert rows[1] == [
        "artifact", str(kettle.pk), "Iron kettle", "铁壶", "5", "0", "9", "0", "0", "14"
    ]  # fmt: skip
    assert rows[2][:4] == ["artifact", str(bowl.pk), "'=HYPERLINK(1)", "碗"]
    # The four records, then the section and the exhibition (their clips' plays).
    assert [row[0] for row in rows[5:]] == ["section", "exhibition"]
    assert len(rows) == 1 + 4 + 2


def test_the_daily_and_kiosk_csvs(curator_client, shown):
    exhibition, kettle, *_ = shown
    days = page_of(curator_client, exhibition, "?days=7&csv=days").content
    rows = list(csv.reader(io.StringIO(days.decode("utf-8-sig"))))
    assert len(rows) == 1 + 7
    assert rows[-1] == [today().isoformat(), "0", "0", "0", "1", "1", "2"]
    assert rows[-2] == [days_ago(1).isoformat(), "4", "0", "0", "0", "0", "4"]
    kiosks = page_of(curator_client, exhibition, "?csv=kiosks").content
    rows = list(csv.reader(io.StringIO(kiosks.decode("utf-8-sig"))))
    assert rows == [["kiosk", "opens", "most_opened"], ["Hall kiosk", "9", str(kettle)]]


def test_an_unknown_csv_is_explained_on_the_page(curator_client, shown):
    response = page_of(curator_client, shown[0], "?csv=everything")
    assert response["Content-Type"].startswith("text/html")
    assert "There is no CSV of that name" in response.content.decode()


def test_only_staff_who_may_view_exhibitions_see_the_figures(
    client, django_user_model, shown
):
    exhibition = shown[0]
    assert page_of(client, exhibition).status_code == 302  # to the login
    nobody = django_user_model.objects.create_user(username="temp", is_staff=True)
    client.force_login(nobody)
    assert page_of(client, exhibition).status_code == 403
    nobody.groups.add(Group.objects.get(name="Registrar"))
    assert page_of(client, exhibition).status_code == 200
    assert client.get("/admin/figures/exhibition/999999/").status_code == 404


def test_the_page_speaks_chinese(curator_client, shown):
    page = curator_client.get(
        f"/admin/figures/exhibition/{shown[0].pk}/", HTTP_ACCEPT_LANGUAGE="zh-hans"
    ).content.decode()
    assert '<html lang="zh-hans"' in page
    assert "访客数据" in page and "最近 7 天" in page


def test_the_exhibitions_change_page_links_to_its_figures(curator_client, shown):
    exhibition = shown[0]
    page = curator_client.get(
        f"/admin/exhibition/exhibition/{exhibition.pk}/change/"
    ).content.decode()
    assert f'href="/admin/figures/exhibition/{exhibition.pk}/"' in page


def test_the_list_action_opens_one_exhibitions_figures(curator_client, shown):
    exhibition = shown[0]
    other = make_exhibition()
    url = "/admin/exhibition/exhibition/"
    one = {"action": "show_figures", "_selected_action": [exhibition.pk]}
    response = curator_client.post(url, one)
    assert response["Location"] == f"/admin/figures/exhibition/{exhibition.pk}/"
    two = {**one, "_selected_action": [exhibition.pk, other.pk]}
    response = curator_client.post(url, two, follow=True)
    assert "Choose one exhibition to see its figures." in response.content.decode()


@pytest.mark.parametrize("kind", ["artifact", "photograph", "person"])
def test_a_records_change_page_shows_its_own_figures(curator_client, shown, kind):
    exhibition, kettle, bowl, harbour, merchant, kiosk = shown
    record = {"artifact": kettle, "photograph": harbour, "person": merchant}[kind]
    UseCount.objects.add(Channel.SCAN, kind, record.pk, day=days_ago(200), by=7)
    response = curator_client.get(f"/admin/catalog/{kind}/{record.pk}/change/")
    assert response.status_code == 200
    figures = {
        str(label): (recent, ever)
        for label, recent, ever in response.context["usage_figures"]
    }
    expected = {
        "artifact": {"web page view": (5, 5), "kiosk open": (9, 9)},
        "photograph": {},
        "person": {"audio or video play": (1, 1)},
    }[kind]
    assert figures["label scan"] == (0, 7)
    for label, numbers in expected.items():
        assert figures[label] == numbers
    assert "Visitor figures" in response.content.decode()
