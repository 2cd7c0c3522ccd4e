"""Bilingual phrases for synthetic records: subjects, places, a sentence frame."""

SUBJECTS_EN = [
    "field hospital",
    "bomber crew",
    "relief convoy",
    "radio workshop",
    "printing press",
    "aviation school",
    "epidemic station",
    "supply depot",
    "mountain airfield",
    "cooperative weaving shop",
    "river crossing",
    "newspaper office",
]
SUBJECTS_ZH = [
    "战地医院",
    "轰炸机机组",
    "救援车队",
    "无线电工坊",
    "印刷所",
    "航空学校",
    "防疫站",
    "物资仓库",
    "山区机场",
    "合作社织布车间",
    "渡口",
    "报馆",
]
PLACES_EN = [
    "Yan'an",
    "Wuhan",
    "Chongqing",
    "Kunming",
    "Guiyang",
    "Lanzhou",
    "Chengdu",
    "Xi'an",
    "Guilin",
    "Baoshan",
]
PLACES_ZH = [
    "延安",
    "武汉",
    "重庆",
    "昆明",
    "贵阳",
    "兰州",
    "成都",
    "西安",
    "桂林",
    "保山",
]
SENTENCE_EN = (
    "This record documents the {subject} near {place} in {year}, when "
    "volunteers from abroad worked beside Chinese colleagues under fire. "
)
SENTENCE_ZH = (
    "该记录反映了{year}年{place}附近的{subject}，国际志愿者与中国同仁并肩工作。"
)


def text(rng, year, sentences=3):
    i, j = rng.randrange(len(SUBJECTS_EN)), rng.randrange(len(PLACES_EN))
    en = SENTENCE_EN.format(subject=SUBJECTS_EN[i], place=PLACES_EN[j], year=year)
    zh = SENTENCE_ZH.format(subject=SUBJECTS_ZH[i], place=PLACES_ZH[j], year=year)
    return (
        SUBJECTS_EN[i],
        SUBJECTS_ZH[i],
        PLACES_EN[j],
        PLACES_ZH[j],
        (en * sentences).strip(),
        zh * sentences,
    )
