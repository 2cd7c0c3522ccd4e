"""The terms a new catalogue starts with: common object types, every country in
CLDR (through Babel) and a few historical states, labelled in both languages.

The data migration 0007 and the demo loader call ``seed``; it only adds the codes
that are missing, so a curator's edits to a term are never overwritten."""

# (code, English, Chinese); the first thirteen are the types the catalogue began with.
OBJECT_TYPES = [
    ("publication", "Publication", "出版物"),
    ("document", "Document", "文件"),
    ("letter", "Letter", "信函"),
    ("manuscript", "Manuscript", "手稿"),
    ("instrument", "Instrument", "器械"),
    ("equipment", "Equipment", "装备"),
    ("uniform", "Uniform", "制服"),
    ("medal", "Medal", "勋章"),
    ("map", "Map", "地图"),
    ("poster", "Poster", "宣传画"),
    ("textile", "Textile", "纺织品"),
    ("model", "Model", "模型"),
    ("painting", "Painting", "绘画"),
    ("sculpture", "Sculpture", "雕塑"),
    ("print", "Print", "版画"),
    ("drawing", "Drawing", "素描"),
    ("photograph", "Photograph", "照片"),
    ("installation", "Installation", "装置"),
    ("ceramics", "Ceramics", "陶瓷"),
    ("furniture", "Furniture", "家具"),
    ("coin", "Coin", "钱币"),
    ("jewellery", "Jewellery", "首饰"),
    ("weapon", "Weapon", "兵器"),
    ("tool", "Tool", "工具"),
    ("clothing", "Clothing", "服饰"),
    ("book", "Book", "书籍"),
    ("audiovisual", "Audiovisual recording", "音像资料"),
    ("other", "Other", "其他"),
]
# States that no longer exist keep their own code: the Soviet Union is not Russia.
HISTORICAL_STATES = [
    ("SU", "Soviet Union", "苏联"),
    ("CS", "Czechoslovakia", "捷克斯洛伐克"),
    ("YU", "Yugoslavia", "南斯拉夫"),
    ("DD", "East Germany", "民主德国"),
    ("ottoman-empire", "Ottoman Empire", "奥斯曼帝国"),
    ("austria-hungary", "Austria-Hungary", "奥匈帝国"),
]
# CLDR's two-letter regions that are not countries or territories.
NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}


def countries():
    """(code, English, Chinese) for every country and territory CLDR names."""
    from babel import Locale

    english = Locale("en").territories
    chinese = Locale.parse("zh_Hans_CN").territories
    return [
        (code, english[code], chinese.get(code, ""))
        for code in sorted(english)
        if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES
    ]


def nationalities():
    return HISTORICAL_STATES + countries()


def _add_missing(model, terms, last=()):
    existing = set(model.objects.values_list("code", flat=True))
    model.objects.bulk_create(
        model(
            code=code,
            label=english,
            label_en=english,
            label_zh_hans=chinese,
            position=900 if code in last else 100,
        )
        for code, english, chinese in terms
        if code not in existing
    )


def seed(object_type_model, nationality_model):
    """Add the missing seed terms; the models may be a migration's historical ones."""
    _add_missing(object_type_model, OBJECT_TYPES, last={"other"})
    _add_missing(nationality_model, nationalities())
