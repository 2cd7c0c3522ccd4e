"""A deliberately realistic catalogue for the search tests: three exhibitions on
subjects of their own, long titles, near-namesakes and distractors, and records
that are not public."""

from catalog.models import Status
from tests.factories import (
    feature,
    hang,
    make_artifact,
    make_exhibition,
    make_person,
    make_photograph,
    make_section,
)

FILLER_EN = (
    "Catalogued with the rest of the collection from the same donation; the "
    "condition report notes wear on the edges and old repairs. "
)
FILLER_ZH = "与同批捐赠的其他藏品一同编目；状况报告记载边缘有磨损和旧修补痕迹。"


def person(slug, en, zh, **fields):
    return make_person(slug=slug, name_en=en, name_zh_hans=zh, **fields)


def artifact(slug, en, zh, description_en="", description_zh="", **fields):
    return make_artifact(
        with_image=False,
        slug=slug,
        title_en=en,
        title_zh_hans=zh,
        description_en=description_en + FILLER_EN,
        description_zh_hans=description_zh + FILLER_ZH,
        **fields,
    )


def photograph(slug, en, zh, caption_en="", caption_zh="", **fields):
    return make_photograph(
        slug=slug,
        title_en=en,
        title_zh_hans=zh,
        caption_en=caption_en + FILLER_EN,
        caption_zh_hans=caption_zh + FILLER_ZH,
        **fields,
    )


def build():
    """Make the world; return its records by slug."""
    voyages = make_exhibition(
        slug="voyages",
        title_en="Voyages of the Treasure Fleet",
        title_zh_hans="宝船远航",
    )
    kilns = make_exhibition(
        slug="kilns",
        title_en="Fire and Clay: the Imperial Kilns",
        title_zh_hans="火与土：御窑",
    )
    tea = make_exhibition(
        slug="tea", title_en="Tea and the Sea", title_zh_hans="茶与海"
    )
    fleet = make_section(
        voyages, slug="fleet", title_en="The Fleet", title_zh_hans="船队"
    )
    ports = make_section(
        voyages, slug="ports", title_en="Ports of Call", title_zh_hans="港口"
    )
    firing = make_section(kilns, slug="firing", title_en="Firing", title_zh_hans="烧造")
    export = make_section(
        kilns, slug="export", title_en="Export Wares", title_zh_hans="外销瓷"
    )
    gardens = make_section(
        tea, slug="gardens", title_en="Tea Gardens", title_zh_hans="茶园"
    )

    r = {}
    r["zheng-he"] = person(
        "zheng-he",
        "Zheng He",
        "郑和",
        other_names_en="Ma He",
        other_names_zh_hans="马和",
        summary_en="Admiral who led seven voyages of the treasure fleet.",
        summary_zh_hans="明代航海家，七次率领宝船船队下西洋。",
        active_from=1405,
    )
    r["zheng-chenggong"] = person(
        "zheng-chenggong",
        "Zheng Chenggong",
        "郑成功",
        other_names_en="Koxinga",
        summary_en="Commander who took Taiwan from the Dutch garrison.",
        summary_zh_hans="收复台湾的将领。",
        active_from=1650,
    )
    r["xuanzang"] = person(
        "xuanzang",
        "Xuanzang",
        "玄奘",
        other_names_en="Tang Sanzang",
        other_names_zh_hans="唐三藏",
        summary_en="Monk and traveller who walked to India for scriptures.",
        summary_zh_hans="唐代高僧，西行印度取经。",
        active_from=629,
    )
    r["marco-polo"] = person(
        "marco-polo",
        "Marco Polo",
        "马可·波罗",
        summary_en="Venetian merchant whose account of his travels was widely read.",
        summary_zh_hans="威尼斯商人，其游记流传甚广。",
        active_from=1271,
    )
    r["robert-fortune"] = person(
        "robert-fortune",
        "Robert Fortune",
        "罗伯特·福琼",
        summary_en="Plant hunter who carried tea plants and seeds out of Fujian.",
        summary_zh_hans="植物猎人，将茶树和茶籽带出福建。",
        active_from=1848,
    )
    r["song-yingxing"] = person(
        "song-yingxing",
        "Song Yingxing",
        "宋应星",
        summary_en="Scholar who wrote The Exploitation of the Works of Nature.",
        summary_zh_hans="学者，著有《天工开物》。",
        active_from=1637,
    )
    r["hidden-person"] = person(
        "hidden-person", "Zheng Secretive", "郑隐秘", status=Status.DRAFT
    )
    feature(voyages, r["zheng-he"])
    feature(tea, r["robert-fortune"])

    r["dish"] = artifact(
        "dragon-dish",
        "Large blue-and-white porcelain dish painted with a dragon among clouds and "
        "waves, made for the palace",
        "青花云龙纹大盘",
        "Fired at the imperial kilns of Jingdezhen. ",
        "景德镇御窑烧造。",
        accession_number="JDZ-1420-007",
        object_type="ceramic",
        year_from=1420,
        year_to=1430,
    )
    r["celadon"] = artifact(
        "celadon-bowl",
        "Celadon bowl with carved lotus petals",
        "刻莲瓣纹青瓷碗",
        "Green-glazed stoneware from Longquan, traded along the sea routes. ",
        "龙泉窑青釉，沿海路外销。",
        accession_number="LQ-1350-002",
        object_type="ceramic",
        year_from=1350,
        year_to=1360,
    )
    r["export-plate"] = artifact(
        "export-plate",
        "Export plate with a European coat of arms",
        "纹章外销瓷盘",
        "Porcelain ordered by a merchant family and shipped from Canton. ",
        "商人家族定制的瓷器，自广州装船。",
        accession_number="JDZ-1730-011",
        object_type="ceramic",
        year_from=1730,
        year_to=1735,
    )
    r["astrolabe"] = artifact(
        "astrolabe",
        "Bronze astrolabe with engraved star pointers",
        "錾刻星名铜星盘",
        "An instrument for finding the altitude of stars at sea. ",
        "用于海上测量星辰高度的仪器。",
        accession_number="NAV-1400-003",
        object_type="instrument",
        year_from=1400,
        year_to=1420,
    )
    r["compass"] = artifact(
        "ships-compass",
        "Ship's compass in a lacquered wooden case",
        "漆木盒航海罗盘",
        "Said to come from one of the fleet's ships. ",
        "传为船队所用。",
        accession_number="NAV-1410-001",
        object_type="instrument",
        year_from=1410,
        year_to=1415,
    )
    r["compass"].people.add(r["zheng-he"])
    r["chart"] = artifact(
        "voyage-chart",
        "Chart of the voyages to the Western Ocean, copied from a woodblock edition",
        "郑和航海图（木刻本摹本）",
        "Shows the routes, harbours and the stars used for navigation. ",
        "绘有航线、港口和导航所用的星辰。",
        accession_number="NAV-1621-004",
        object_type="map",
        year_from=1621,
        year_to=1621,
    )
    r["tea-brick"] = artifact(
        "tea-brick",
        "Pressed tea brick stamped with the merchant's name",
        "印有商号的压制茶砖",
        "Tea pressed into bricks travelled well on the caravan roads. ",
        "压制成砖的茶叶便于驼队长途运输。",
        accession_number="TEA-1880-021",
        object_type="object",
        year_from=1880,
        year_to=1890,
    )
    r["book"] = artifact(
        "works-of-nature",
        "The Exploitation of the Works of Nature, first edition",
        "《天工开物》初刻本",
        "A treatise on crafts, from porcelain to the casting of bronze. ",
        "记述从制瓷到铸铜等工艺的著作。",
        accession_number="BK-1637-001",
        object_type="book",
        year_from=1637,
        year_to=1637,
    )
    r["book"].people.add(r["song-yingxing"])
    r["forgery"] = artifact(
        "forged-seal",
        "Forged porcelain seal, a counterfeit",
        "伪造瓷印",
        accession_number="FAKE-0001",
        status=Status.DRAFT,
        object_type="ceramic",
    )
    r["withdrawn"] = artifact(
        "withdrawn-astrolabe",
        "Astrolabe fragment withdrawn for study",
        "星盘残件",
        accession_number="NAV-9999-999",
        status=Status.WITHDRAWN,
    )
    for n in range(6):  # distractors: the same common words, again and again
        r[f"shard-{n}"] = artifact(
            f"shard-{n}",
            f"Porcelain shard from a kiln site, number {n}",
            f"窑址出土瓷片之{n}",
            "One of many fragments collected on the surface. ",
            "地表采集的众多碎片之一。",
            object_type="ceramic",
            year_from=1500,
            year_to=1600,
        )

    r["kiln-workers"] = photograph(
        "kiln-workers",
        "Kiln workers loading saggars at Jingdezhen",
        "景德镇窑工装匣钵",
        "The kilns burned pine wood for two days. ",
        "窑炉以松柴烧两昼夜。",
        year_from=1925,
        year_to=1925,
    )
    r["tea-pickers"] = photograph(
        "tea-pickers",
        "Tea pickers on a terraced hillside in Fujian",
        "福建梯田茶山上的采茶人",
        year_from=1935,
        year_to=1935,
    )
    r["quanzhou"] = photograph(
        "quanzhou-harbour",
        "The harbour at Quanzhou at low tide",
        "退潮时的泉州港",
        "Junks waiting for the tide. ",
        "等待涨潮的帆船。",
        year_from=1930,
        year_to=1930,
    )
    r["hidden-photo"] = photograph(
        "hidden-photo",
        "Counterfeit kiln marks, unpublished study",
        "伪造窑款研究",
        status=Status.REVIEW,
    )

    for section, slugs in (
        (fleet, ["compass", "astrolabe", "chart"]),
        (ports, ["quanzhou", "celadon", "export-plate"]),
        (firing, ["dish", "kiln-workers", "book"] + [f"shard-{n}" for n in range(6)]),
        (export, ["export-plate", "celadon"]),
        (gardens, ["tea-brick", "tea-pickers"]),
    ):
        for position, slug in enumerate(slugs):
            hang(section, r[slug], position)
    return r
