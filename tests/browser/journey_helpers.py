"""What the curators' journey tests share: the staff who walk their own served site
(a copy of the demo site's database), a counter of what they do, and the subjects
they build exhibitions on.

Every control is found by its field name or id, never by its English text, so the
same walk runs with the admin in Chinese.
"""

import io
import itertools
import json
from dataclasses import dataclass, field

from PIL import Image, ImageDraw

PASSWORD = "journey-password-7"
ROLES = {
    "head": "Head curator",
    "curator": "Curator",
    "translator": "Translator",
    "registrar": "Registrar",
}
# Recovery codes each person may type at the login's code step (single use).
CODES_EACH = 12


# A record as a registrar leaves it for the translator: complete in English,
# cited, nothing in Chinese yet.
UNTRANSLATED = {
    "accession_number": "TRANSLATE-2024-001",
    "slug": "ru-ware-brush-washer",
    "title_en": "Ru ware brush washer",
    "description_en": "A shallow dish in a sky-blue crackled glaze.",
    "rights_en": "Photograph: the museum.",
}
HANDBOOK = {
    "key": "journey-handbook",
    "title_en": "A handbook of kiln marks",
    "title_zh_hans": "窑款手册",
}


def prepare_staff(site):
    """One member of staff per role, each with recovery codes for the code step,
    a source and the translator's untranslated draft; returns the demo
    exhibitions' titles in both languages."""
    output = site.shell(
        "import json\n"
        "from django.contrib.auth import get_user_model\n"
        "from django.contrib.auth.models import Group\n"
        "from django_otp.plugins.otp_static.models import StaticDevice, StaticToken\n"
        "from catalog.models import Artifact, Citation, Source\n"
        "from exhibition.models import Exhibition\n"
        f"for name, role in {ROLES!r}.items():\n"
        "    user = get_user_model().objects.create_user(\n"
        f"        name, name + '@example.org', {PASSWORD!r}, is_staff=True)\n"
        "    user.groups.add(Group.objects.get(name=role))\n"
        "    device = StaticDevice.objects.create(user=user, name='Recovery codes')\n"
        f"    for number in range({CODES_EACH}):\n"
        "        code = f'{name}{number:02d}'\n"
        "        StaticToken.objects.create(device=device, token=code)\n"
        f"source = Source.objects.create(kind='book', **{HANDBOOK!r})\n"
        f"draft = Artifact.objects.create(**{UNTRANSLATED!r})\n"
        "Citation.objects.create(record=draft, source=source)\n"
        "titles = Exhibition.objects.values_list('title_en', 'title_zh_hans')\n"
        "print(json.dumps([t for pair in titles for t in pair if t]))\n"
    )
    return json.loads(output.strip().splitlines()[-1])


class RecoveryCodes:
    """Hands out each person's next unused recovery code."""

    def __init__(self):
        self.counters = {name: itertools.count() for name in ROLES}

    def next(self, name):
        number = next(self.counters[name])
        assert number < CODES_EACH, f"{name} has used all their recovery codes"
        return f"{name}{number:02d}"


def jpeg(color, label):
    """A small JPEG of one colour with a word on it: an artifact's photograph."""
    image = Image.new("RGB", (800, 600), color)
    ImageDraw.Draw(image).text((40, 40), label, fill=(255, 255, 255))
    data = io.BytesIO()
    image.save(data, "JPEG", quality=85)
    return data.getvalue()


class FailingSubmission(AssertionError):
    pass


class Journey:
    """One person's browser, counting what they do: each pointer action is a
    click (a native <select> is two: open it, pick; an autocomplete is two: open
    it, pick what the typed words found), each form sent is a submission, and a
    submission that lands on an error note, an error list or a server error page
    is a failing one (and fails the test there)."""

    def __init__(self, page, url, screenshot, name):
        self.page = page
        self.url = url
        self.screenshot = screenshot
        self.name = name
        self.clicks = 0
        self.fills = 0
        self.submissions = 0
        self.failing = 0
        self.shots = 0
        # (step, clicks since the step before): where the clicks go.
        self.steps = []
        self._clicks_at_last_step = 0
        # The rows this person has taken on the page open now (see ``row``).
        self.rows_taken = set()

    def __str__(self):
        steps = ", ".join(f"{step} {clicks}" for step, clicks in self.steps)
        return (
            f"{self.name}: {self.clicks} clicks, {self.fills} fields typed in, "
            f"{self.submissions} submissions, {self.failing} failing"
            + (f" (clicks by step: {steps})" if steps else "")
        )

    # -- what the person does ----------------------------------------------------

    def goto(self, path):
        """Open an address (a bookmark or a link in a message): no click counted."""
        self.rows_taken = set()
        response = self.page.goto(self.url + path)
        assert response.status < 400, f"{path}: {response.status}"
        return response

    def status_of(self, path):
        """What the server answers at ``path`` (a 404 is what a visitor gets
        for a draft)."""
        return self.page.goto(self.url + path).status

    def click(self, selector):
        self.clicks += 1
        self.page.locator(selector).first.click()

    def follow(self, selector):
        """Click a link that opens another page."""
        self.rows_taken = set()
        with self.page.expect_navigation():
            self.click(selector)

    def fill(self, selector, value):
        self.fills += 1
        field = self.page.locator(selector)
        field.fill(value)
        # Django's prepopulated slugs listen for keyup/change, not input.
        field.dispatch_event("change")

    def fill_all(self, values, prefix=""):
        for name, value in values.items():
            self.fill(f'[name="{prefix}{name}"]', value)

    def choose(self, selector, value=None, label=None):
        """A native <select>: open it, pick the option (by value or shown text)."""
        self.clicks += 2
        self.page.locator(selector).select_option(value=value, label=label)

    def tick(self, selector):
        self.clicks += 1
        self.page.locator(selector).check()

    def attach(self, selector, name, data):
        self.clicks += 1
        self.page.locator(selector).set_input_files(
            files=[{"name": name, "mimeType": "image/jpeg", "buffer": data}]
        )

    def pick(self, select_selector, text):
        """An autocomplete (select2): open it, type ``text``, pick the record
        shown as ``text`` (records show in the admin's language)."""
        container = self.page.locator(select_selector).locator(
            "xpath=following-sibling::span[contains(@class, 'select2')][1]"
        )
        self.clicks += 1
        container.locator(".select2-selection").click()
        self.fill(".select2-container--open .select2-search__field", text)
        option = self.page.locator(
            ".select2-container--open .select2-results__option", has_text=text
        )
        self.clicks += 1
        option.first.click()
        assert text in container.inner_text()

    def row(self, group):
        """A row to fill in an inline group: the blank one the form shows (while
        the record has none), else a new one from "Add another"; returns its
        field-name prefix (``prefix-N-``)."""
        total = self.page.locator(f"{group} [name$='-TOTAL_FORMS']")
        initial = self.page.locator(f"{group} [name$='-INITIAL_FORMS']")
        prefix = total.get_attribute("name").removesuffix("TOTAL_FORMS")
        blank = range(int(initial.input_value()), int(total.input_value()))
        row = next(
            (f"{prefix}{n}-" for n in blank if f"{prefix}{n}-" not in self.rows_taken),
            None,
        ) or self.add_row(group)
        self.rows_taken.add(row)
        return row

    def add_row(self, group):
        """Click an inline group's "Add another …" link; return the new row's
        field-name prefix (``prefix-N-``)."""
        total = self.page.locator(f"{group} [name$='-TOTAL_FORMS']")
        before = total.input_value()
        self.click(f"{group} .add-row a")
        assert total.input_value() == str(int(before) + 1), f"no new row in {group}"
        prefix = total.get_attribute("name").removesuffix("TOTAL_FORMS")
        return f"{prefix}{before}-"

    def submit(self, selector, expect_failure=False):
        """Click a submit button and check where the form lands."""
        self.clicks += 1
        return self._send(
            lambda: self.page.locator(selector).first.click(), expect_failure
        )

    def submit_with_enter(self, selector, expect_failure=False):
        return self._send(lambda: self.page.press(selector, "Enter"), expect_failure)

    def _send(self, action, expect_failure):
        self.submissions += 1
        self.rows_taken = set()
        with self.page.expect_navigation() as navigation:
            action()
        response = navigation.value
        self.page.wait_for_load_state()
        problems = self.problems(response)
        if expect_failure:
            return response
        if problems:
            self.failing += 1
            self.shot("failing")
            raise FailingSubmission(f"{self.page.url}: {problems}")
        return response

    # -- what the person sees ------------------------------------------------------

    def problems(self, response):
        found = []
        if response is None or response.status >= 400:
            found.append(f"status {response.status if response else 'none'}")
        for selector in (".errornote", ".errorlist", ".messagelist .error"):
            texts = self.page.locator(selector).all_inner_texts()
            if texts:
                found.append(f"{selector}: {texts}")
        return found

    def shot(self, step):
        self.shots += 1
        self.steps.append((step, self.clicks - self._clicks_at_last_step))
        self._clicks_at_last_step = self.clicks
        return self.screenshot(
            self.page, f"journey-{self.name}-{self.shots:02d}-{step}"
        )

    def log_in(self, username, code, language=None):
        """The real login: the language switch (when the page is not already in
        ``language``), the password sent with Enter, then a recovery code."""
        self.goto("/admin/login/")
        if language and self.page.locator("html").get_attribute("lang") != language:
            self.choose("#admin-language-choice", language)
            self.submit(".admin-language [type=submit]")
            assert self.page.locator("html").get_attribute("lang") == language
        self.fill("#id_username", username)
        self.fill("#id_password", PASSWORD)
        self.submit_with_enter("#id_password")
        assert "/login/code/" in self.page.url, self.page.url
        self.fill("#id_code", code)
        self.submit_with_enter("#id_code")
        assert self.page.url.rstrip("/").endswith("/admin"), self.page.url


@dataclass
class Subject:
    """An exhibition's subject in both languages, with its records' text."""

    years: tuple
    years_label: dict
    title: dict
    introduction: dict
    sections: list  # [{"title": {...}, "introduction": {...}}]
    person: dict  # name and summary (per language), active_from
    source: dict  # key, title (per language)
    artifacts: list  # [{accession, title, description, date, year, color}]
    rights: dict = field(
        default_factory=lambda: {
            "en": "Photograph: the museum; for study and teaching.",
            "zh_hans": "图片：本馆拍摄；可用于学习与教学。",
        }
    )


SONG = Subject(
    years=(960, 1279),
    years_label={"en": "960", "zh_hans": "960"},
    title={"en": "Song dynasty porcelain", "zh_hans": "宋代瓷器"},
    introduction={
        "en": "Celadon, Ding and Jun wares from the kilns of the Song, 960 to 1279.",
        "zh_hans": "宋代名窑的青瓷、定窑与钧窑瓷器，960年至1279年。",
    },
    sections=[
        {
            "title": {"en": "Northern kilns", "zh_hans": "北方窑口"},
            "introduction": {
                "en": "Ding ware's ivory glaze from Hebei.",
                "zh_hans": "河北定窑的象牙白釉。",
            },
        },
        {
            "title": {"en": "Southern celadons", "zh_hans": "南方青瓷"},
            "introduction": {
                "en": "Longquan's jade-green glazes.",
                "zh_hans": "龙泉窑的翠青釉色。",
            },
        },
    ],
    person={
        "name": {"en": "Emperor Huizong of Song", "zh_hans": "宋徽宗"},
        "summary": {
            "en": "Emperor and connoisseur whose court favoured Ru ware.",
            "zh_hans": "喜爱汝窑的皇帝与鉴赏家。",
        },
        "active_from": "1100",
    },
    source={
        "key": "song-kiln-survey",
        "title": {"en": "A survey of Song kiln sites", "zh_hans": "宋代窑址调查"},
    },
    artifacts=[
        {
            "accession": "SONG-2024-001",
            "title": {"en": "Ding ware bowl", "zh_hans": "定窑白瓷碗"},
            "description": {
                "en": "An ivory-glazed bowl with a carved lotus, fired upside down.",
                "zh_hans": "象牙白釉刻莲纹碗，覆烧而成。",
            },
            "date": {"en": "11th century", "zh_hans": "11世纪"},
            "year": "1020",
            "color": (226, 214, 186),
        },
        {
            "accession": "SONG-2024-002",
            "title": {"en": "Longquan celadon vase", "zh_hans": "龙泉青瓷瓶"},
            "description": {
                "en": "A mallet-shaped vase in a thick bluish-green glaze.",
                "zh_hans": "槌形瓶，施厚青釉。",
            },
            "date": {"en": "c. 1200", "zh_hans": "约1200年"},
            "year": "1200",
            "color": (120, 160, 140),
        },
    ],
)

SHANG = Subject(
    years=(-1600, -1046),
    years_label={"en": "1600 BCE", "zh_hans": "公元前1600年"},
    title={"en": "Shang ritual bronzes", "zh_hans": "商代青铜礼器"},
    introduction={
        "en": "Vessels cast for offerings to the ancestors at Anyang.",
        "zh_hans": "安阳出土、用于祭祀祖先的青铜器。",
    },
    sections=[
        {
            "title": {"en": "Wine vessels", "zh_hans": "酒器"},
            "introduction": {
                "en": "Jue and gu for offerings of wine.",
                "zh_hans": "用于献酒的爵与觚。",
            },
        },
        {
            "title": {"en": "Food vessels", "zh_hans": "食器"},
            "introduction": {
                "en": "Ding cauldrons for cooked offerings.",
                "zh_hans": "盛放祭品的鼎。",
            },
        },
    ],
    person={
        "name": {"en": "Fu Hao", "zh_hans": "妇好"},
        "summary": {
            "en": "Queen and general whose tomb held hundreds of bronzes.",
            "zh_hans": "王后与将领，其墓中出土数百件青铜器。",
        },
        "active_from": "-1200",
    },
    source={
        "key": "anyang-excavations",
        "title": {"en": "Excavations at Anyang", "zh_hans": "安阳殷墟发掘报告"},
    },
    artifacts=[
        {
            "accession": "SHANG-2024-001",
            "title": {"en": "Bronze jue", "zh_hans": "青铜爵"},
            "description": {
                "en": "A three-legged wine vessel with a long spout.",
                "zh_hans": "三足长流的酒器。",
            },
            "date": {"en": "c. 1250 BCE", "zh_hans": "约公元前1250年"},
            "year": "-1250",
            "color": (90, 110, 80),
        },
        {
            "accession": "SHANG-2024-002",
            "title": {"en": "Square ding cauldron", "zh_hans": "青铜方鼎"},
            "description": {
                "en": "A four-legged cauldron with taotie masks.",
                "zh_hans": "饰饕餮纹的四足方鼎。",
            },
            "date": {"en": "c. 1200 BCE", "zh_hans": "约公元前1200年"},
            "year": "-1200",
            "color": (70, 90, 70),
        },
    ],
)
