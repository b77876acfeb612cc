"""Bytes to text: exactly what the author wrote, or refused naming why (never a guess).

The multilingual table below is real news text in the code pages it is usually saved in;
``test_no_legacy_reading_is_ever_wrong`` decodes each, short and long, and requires that
none is read as different text, and that most are read right.
"""

from __future__ import annotations

import codecs

import pytest

from factcheck_gui.importers.decode import decode
from factcheck_gui.importers.errors import ImportProblem

CORPUS: list[tuple[str, tuple[str, ...], str, str]] = [
    (
        "fr",
        ("latin-1", "cp1252"),
        "Café à Genève : l'été sera très chaud, déclare le ministère.",
        "Le ministère a déclaré mardi que près de 300 000 soldats avaient été tués ou blessés "
        "depuis le début de la guerre. Selon les services de renseignement, l'armée a recruté "
        "à l'étranger, où les salaires élevés attirent des hommes désoeuvrés. À Genève, les "
        "négociateurs se sont réunis jeudi ; ils espèrent qu'un accord sera conclu avant l'été. "
        "« Ça coûte très cher à l'État », a reconnu un haut fonctionnaire, qui a requis "
        "l'anonymat. Les chiffres publiés par Kiev diffèrent sensiblement de ceux avancés par "
        "Moscou, et aucune vérification indépendante n'a été possible.",
    ),
    (
        "de",
        ("latin-1", "cp1252"),
        "Größere Schäden in Köln: Bürger müssen früher aufstehen.",
        "Die Bundesregierung hat am Donnerstag mitgeteilt, dass die Zahl der Geflüchteten "
        "aus der Ukraine im vergangenen Monat deutlich gestiegen ist. Nach Angaben des "
        "Innenministeriums wurden mehr als 1,1 Millionen Menschen registriert. Die Länder "
        "fordern mehr Unterstützung für die Unterbringung; in München und Köln seien die "
        "Kapazitäten erschöpft. Außerdem müsse über die Finanzierung der Schulplätze gesprochen "
        "werden, sagte eine Sprecherin. Kritiker bemängeln, dass die Verteilung zwischen "
        "Städten und ländlichen Gemeinden ungleichmäßig sei und die Behörden zu spät reagiert "
        "hätten. Größere Investitionen seien nötig, heißt es.",
    ),
    (
        "es",
        ("latin-1", "cp1252"),
        "El niño pidió más información sobre la canción en Bogotá.",
        "El Gobierno español anunció el miércoles que destinará más de 200 millones de euros a "
        "la reconstrucción de las zonas afectadas por las inundaciones. Según el ministerio, "
        "los daños en la región de Valencia superan los cálculos iniciales. «No vamos a dejar "
        "a nadie atrás», afirmó la portavoz, quien añadió que las ayudas llegarán antes del "
        "otoño. La oposición criticó la lentitud de la respuesta y exigió una auditoría "
        "independiente. ¿Cuántas familias siguen sin hogar? Nadie lo sabe con precisión; las "
        "cifras oficiales hablan de unas tres mil, mientras que las organizaciones locales "
        "estiman que son muchas más.",
    ),
    (
        "pl",
        ("cp1250", "iso-8859-2"),
        "Zażółć gęślą jaźń: rząd ogłosił nowe środki.",
        "Rząd poinformował w środę, że liczba uchodźców z Ukrainy przebywających w Polsce "
        "przekroczyła półtora miliona. Według danych ministerstwa większość z nich to kobiety "
        "i dzieci, które znalazły schronienie w dużych miastach, takich jak Warszawa, Kraków "
        "i Wrocław. Samorządy alarmują, że brakuje miejsc w szkołach i przedszkolach, a koszty "
        "utrzymania rosną szybciej, niż zakładano. Rzecznik rządu zapewnił, że pieniądze na "
        "pomoc zostaną przekazane jeszcze w tym miesiącu. Eksperci zwracają jednak uwagę, że "
        "oficjalne statystyki mogą być zaniżone, ponieważ nie wszyscy przybysze się rejestrują.",
    ),
    (
        "cs",
        ("cp1250", "iso-8859-2"),
        "Příliš žluťoučký kůň úpěl ďábelské ódy.",
        "Vláda ve středu oznámila, že počet uprchlíků z Ukrajiny, kteří v České republice "
        "získali dočasnou ochranu, překročil tři sta tisíc. Podle ministerstva vnitra jde "
        "převážně o ženy a děti. Kraje upozorňují, že ve školách chybí místa a že náklady na "
        "ubytování rostou rychleji, než se předpokládalo. Mluvčí vlády slíbil, že peníze na "
        "pomoc budou uvolněny ještě tento měsíc. Odborníci však varují, že oficiální čísla "
        "nemusí odpovídat skutečnosti, protože ne všichni příchozí se registrují.",
    ),
    (
        "ru",
        ("cp1251", "koi8-r"),
        "Министерство обороны сообщило о новых потерях.",
        "Министерство обороны в четверг сообщило, что с начала года по контракту на службу "
        "поступили более двухсот восьмидесяти тысяч человек. По словам представителя "
        "ведомства, большинство новобранцев прибыли из регионов, где зарплаты значительно ниже "
        "средних по стране. Независимые эксперты ставят эти цифры под сомнение: по их оценкам, "
        "реальное число добровольцев в несколько раз меньше. Журналисты обращают внимание, что "
        "официальная статистика не публикуется с прошлой осени, а проверить данные "
        "независимым образом невозможно. Родственники погибших жалуются на отсутствие ответов.",
    ),
    (
        "el",
        ("cp1253",),
        "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την ακρίβεια.",
        "Η ελληνική κυβέρνηση ανακοίνωσε την Τετάρτη ένα νέο πακέτο μέτρων ύψους δύο "
        "δισεκατομμυρίων ευρώ για την αντιμετώπιση της ακρίβειας. Σύμφωνα με το υπουργείο "
        "Οικονομικών, τα μέτρα αφορούν κυρίως τις ευάλωτες οικογένειες και τους συνταξιούχους. "
        "Η αντιπολίτευση χαρακτήρισε τις παρεμβάσεις ανεπαρκείς και ζήτησε μείωση του ΦΠΑ στα "
        "τρόφιμα. Οι οικονομολόγοι προειδοποιούν ότι ο πληθωρισμός θα παραμείνει υψηλός για "
        "αρκετούς μήνες ακόμη, ενώ οι τιμές της ενέργειας παραμένουν ασταθείς.",
    ),
    (
        "tr",
        ("cp1254",),
        "Hükümet, işsizlik oranının düştüğünü açıkladı.",
        "Türkiye İstatistik Kurumu çarşamba günü yaptığı açıklamada, yıllık enflasyonun yüzde "
        "altmışın üzerinde seyretmeye devam ettiğini bildirdi. Ekonomistler, gıda ve enerji "
        "fiyatlarındaki artışın özellikle dar gelirli aileleri zor durumda bıraktığını "
        "belirtiyor. Muhalefet partileri, açıklanan rakamların gerçeği yansıtmadığını öne "
        "sürerek bağımsız bir denetim talep etti. Merkez Bankası ise faiz oranlarını bir kez "
        "daha yükselterek piyasalara güven vermeye çalıştı; ancak liranın değer kaybı sürüyor.",
    ),
    (
        "ja",
        ("shift_jis", "euc-jp"),
        "政府は新たな経済対策を発表した。",
        "政府は水曜日、物価高騰に対応するため、総額十七兆円規模の新たな経済対策を発表した。"
        "所得税の減税や低所得世帯への給付金が柱で、岸田首相は記者会見で「国民の生活を守る"
        "ことが最優先だ」と強調した。一方、野党は財源の裏付けが不十分だと批判しており、"
        "専門家の間でも効果を疑問視する声が上がっている。総務省によると、消費者物価指数は"
        "前年同月比で三パーセント近く上昇しており、賃金の伸びが追いついていない状況が続く。",
    ),
    (
        "zh",
        ("gb18030",),
        "国家统计局公布了最新的经济数据。",
        "国家统计局周三公布的数据显示，今年前三季度国内生产总值同比增长百分之五点二，"
        "略高于市场预期。分析人士指出，消费和服务业的恢复是主要推动力，但房地产市场依然"
        "低迷，投资增速继续放缓。官员表示，政府将加大政策支持力度，稳定就业和物价。"
        "不过，一些经济学家认为，青年失业率居高不下，地方政府债务问题也需要尽快解决，"
        "否则将拖累明年的经济增长。",
    ),
    (
        "zh-tw",
        ("big5",),
        "行政院宣布新的經濟振興方案。",
        "行政院週三宣布，將推出總額超過三千億元的經濟振興方案，以因應全球景氣放緩的衝擊。"
        "根據主計總處的資料，今年出口連續數月衰退，製造業訂單明顯減少。官員表示，方案將"
        "優先協助中小企業與弱勢家庭，並加強基礎建設投資。不過，在野黨批評政府的規劃缺乏"
        "具體財源，學者也提醒，若國際需求持續疲弱，效果恐怕有限。",
    ),
    (
        "ko",
        ("euc-kr",),
        "정부는 새로운 경제 대책을 발표했다.",
        "정부는 수요일 물가 상승에 대응하기 위해 총 이십조 원 규모의 경제 대책을 발표했다. "
        "기획재정부에 따르면 이번 대책에는 저소득층에 대한 지원금 지급과 에너지 요금 부담 "
        "완화가 포함됐다. 야당은 재원 마련 방안이 불분명하다고 비판했으며, 전문가들 사이에서도 "
        "효과에 대한 의문이 제기되고 있다. 통계청은 소비자 물가가 지난해 같은 달보다 삼 퍼센트 "
        "넘게 올랐다고 밝혔다.",
    ),
]
CASES = [
    pytest.param(text, enc, id=f"{lang}-{enc}-{size}")
    for lang, encodings, short, long in CORPUS
    for enc in encodings
    for size, text in (("short", short), ("long", long))
]
# Cases that are refused because two code pages read them as two plausible texts: the
# French headline is also Slovak in Windows-1250 ("Café ŕ Genčve").
AMBIGUOUS = {"fr-latin-1-short", "fr-cp1252-short"}


@pytest.mark.parametrize(("text", "encoding"), CASES)
def test_no_legacy_reading_is_ever_wrong(
    text: str, encoding: str, request: pytest.FixtureRequest
) -> None:
    data = text.encode(encoding)
    try:
        decoded = decode(data)
    except ImportProblem as problem:
        assert request.node.callspec.id in AMBIGUOUS, str(problem)
        assert "save it as UTF-8" in str(problem) and "\n" not in str(problem)
        return
    assert decoded == text


def test_the_ambiguous_headline_names_the_readings() -> None:
    with pytest.raises(ImportProblem, match="Windows-1252.*Windows-1250"):
        decode("Café à Genève : l'été sera très chaud.".encode("cp1252"))


def test_utf8_and_byte_order_marks() -> None:
    assert decode("Grüße 🎙️".encode()) == "Grüße 🎙️"
    assert decode(codecs.BOM_UTF8 + "é".encode()) == "é"
    assert decode("Grüße".encode("utf-16")) == "Grüße"
    assert decode("Grüße".encode("utf-16-be").join([codecs.BOM_UTF16_BE, b""])) == "Grüße"
    assert decode("Привет 𝄞".encode("utf-32")) == "Привет 𝄞"


def test_iso_2022_jp_is_read_by_its_escape_sequences() -> None:
    text = "政府は新たな経済対策を発表した。"
    assert decode(text.encode("iso2022_jp")) == text


def test_a_utf8_file_with_one_latin1_line_is_refused_naming_the_line() -> None:
    lines = [f"Zeile {i}: Grüße aus Köln, über die Brücke.".encode() for i in range(1, 30)]
    lines[11] = "Zeile 12: Grüße aus Köln.".encode("latin-1")
    with pytest.raises(ImportProblem, match=r"^line 12 is not UTF-8.*save the file again"):
        decode(b"\n".join(lines))


def test_a_short_utf8_file_with_one_bad_byte_is_refused_not_reread() -> None:
    with pytest.raises(ImportProblem, match="line 2 is not UTF-8"):
        decode("Grüße\n".encode() + b"Caf\xe9\n")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n\t ", "the file is empty"),
        (codecs.BOM_UTF8 + b"  ", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"plain text " * 2000 + b"\x00 and a NUL after 22 KB", "binary file"),
        ("text\x00".encode("utf-16"), "binary file"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "does not decode as it"),
        (bytes(range(128, 256)) * 20, "cannot be told"),
        (b"\x1b$Bzz\xff", "not UTF-8|cannot be told|ISO-2022-JP"),
    ],
)
def test_bad_bytes_get_a_reason(data: bytes, message: str) -> None:
    with pytest.raises(ImportProblem, match=message) as caught:
        decode(data)
    assert "\n" not in str(caught.value)
