"""Text in a legacy code page, read only when the bytes can be read one way.

The same bytes are valid in many code pages: ``Genève`` in Windows-1252 is ``Genčve`` in
Windows-1250, and Russian in KOI8-R is valid Windows-1251 Cyrillic with its cases flipped.
A statistical detector picks one of them and is wrong on short or mixed texts, and a wrong
guess is stored as what the author wrote. So every candidate is decoded, and a reading is
*plausible* only when it looks like one language written normally:

* its letters beyond ASCII all belong to the alphabet of one language (French, Polish,
  Russian, Greek, ...), and its other characters beyond ASCII are ordinary punctuation
  and signs (``«»„“”–—…€°``), never control characters, box drawing or unassigned bytes;
* no word changes from lower to upper case in the middle (``нХМХЯ``, KOI8-R read as
  Windows-1251), mixes ASCII letters with another script, or holds a sign such as ``»``
  between two of its letters;
* a Chinese, Japanese or Korean reading uses that language's common characters (the first
  level of its national standard) for at least ``MIN_COMMON`` of its ideographs or Hangul,
  kana only in Japanese and Hangul only in Korean; Korean is mostly Hangul, and Chinese or
  Japanese hardly ever puts a space between two ideographs (Korean read as Chinese does).

The text is accepted when every plausible reading is the same text; otherwise it is refused,
naming the readings, because only the author knows which one they wrote.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

MIN_COMMON = 0.9  # of a CJK reading's ideographs (or Hangul) in its standard's first level
MAX_HANJA = 0.2  # of a Korean reading's characters that may be Chinese characters
SPACED_PER = 50  # a Chinese or Japanese reading may have one space between ideographs per 50

# Each candidate: Python codec, the name users know, and what it is for.
_SINGLE_BYTE = (
    ("cp1252", "Windows-1252 (Western European)", "latin"),
    ("iso8859_15", "ISO-8859-15 (Western European)", "latin"),
    ("cp1250", "Windows-1250 (Central European)", "latin"),
    ("iso8859_2", "ISO-8859-2 (Central European)", "latin"),
    ("cp1257", "Windows-1257 (Baltic)", "latin"),
    ("cp1254", "Windows-1254 (Turkish)", "latin"),
    ("mac_roman", "Mac Roman", "latin"),
    ("cp1251", "Windows-1251 (Cyrillic)", "cyrillic"),
    ("koi8_r", "KOI8-R (Russian)", "cyrillic"),
    ("koi8_u", "KOI8-U (Ukrainian)", "cyrillic"),
    ("iso8859_5", "ISO-8859-5 (Cyrillic)", "cyrillic"),
    ("cp1253", "Windows-1253 (Greek)", "greek"),
    ("iso8859_7", "ISO-8859-7 (Greek)", "greek"),
    ("cp1255", "Windows-1255 (Hebrew)", "hebrew"),
    ("cp1256", "Windows-1256 (Arabic)", "arabic"),
    ("cp874", "Windows-874 (Thai)", "thai"),
)
_MULTI_BYTE = (
    ("cp932", "Shift JIS (Japanese)", "ja"),
    ("euc_jp", "EUC-JP (Japanese)", "ja"),
    ("gb18030", "GB18030 (Simplified Chinese)", "zh"),
    ("cp950", "Big5 (Traditional Chinese)", "zh-tw"),
    ("cp949", "EUC-KR (Korean)", "ko"),
)

# Letters beyond ASCII, lower case, of the languages each family of code pages serves.
_ALPHABETS: dict[str, tuple[str, ...]] = {
    "latin": (
        "àâæçéèêëîïôœùûüÿ",  # French
        "äöüß",  # German
        "áéíñóúü",  # Spanish
        "áâãàçéêíóôõú",  # Portuguese
        "àèéìíîòóùú",  # Italian
        "àçèéíïòóúüŀ",  # Catalan
        "áéíóúàèëïöü",  # Dutch
        "æøåéóô",  # Danish, Norwegian
        "åäöé",  # Swedish, Finnish
        "áðéíóúýþæö",  # Icelandic
        "æøåáðíóúýö",  # Faroese
        "ąćęłńóśźż",  # Polish
        "áčďéěíňóřšťúůýž",  # Czech
        "áäčďéíĺľňóôŕšťúýž",  # Slovak
        "áéíóöőúüű",  # Hungarian
        "ăâîșțşţ",  # Romanian
        "čćđšž",  # Croatian, Bosnian, Serbian in Latin
        "čšž",  # Slovenian
        "ëç",  # Albanian
        "çğıöşüâîû",  # Turkish
        "ąčęėįšųūž",  # Lithuanian
        "āčēģīķļņšūž",  # Latvian
        "äöõüšž",  # Estonian
    ),
    "cyrillic": (
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",  # Russian, Bulgarian
        "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",  # Ukrainian
        "абвгдеёжзійклмнопрстуўфхцчшыьэюя",  # Belarusian
        "абвгдђежзијклљмнњопрстћуфхцчџш",  # Serbian
        "абвгдѓежзѕијклљмнњопрстќуфхцчџш",  # Macedonian
    ),
}
_SCRIPTS = {"greek": "GREEK", "hebrew": "HEBREW", "arabic": "ARABIC", "thai": "THAI"}
# Signs beyond ASCII that any text may hold.
_SIGNS = set("\u00a0\u00ad\u2009\u202f«»‹›„“”‘’‚–—…•·€£¥¢°§©®™¿¡×÷±½¼¾²³¹ªº‰№µ†")
# Signs that never stand between two letters of one word (``Z»f``, ``é…n``).
_WORD_BREAKING_SIGNS = "«»‹›„“”…•€£¥¢°§©®™¿¡×÷±½¼¾²³¹‰№†"
_CONTROL = re.compile(rb"[\x01-\x08\x0e-\x1a\x1c-\x1f\x7f]|\x1b[$(]")
_KANA = re.compile("[\u3040-\u30ff]")
_HANGUL = re.compile("[\uac00-\ud7a3]")
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
_SPACED = re.compile(
    "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff] (?=[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff])"
)
_CJK_OTHER = re.compile("[\u3000-\u303f\u30fb\uff01-\uff60\uffe0-\uffe6]")  # punctuation


@dataclass(frozen=True)
class Reading:
    codec: str
    name: str
    text: str


def readings(data: bytes) -> list[Reading]:
    """Every plausible reading of ``data`` (which is not UTF-8), most usual code page first."""
    if _CONTROL.search(data):
        return []  # escape sequences or control bytes: not text in any of these code pages
    found = []
    for codec, name, family in (*_SINGLE_BYTE, *_MULTI_BYTE):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _plausible(text, family):
            found.append(Reading(codec, name, text))
    return found


def _plausible(text: str, family: str) -> bool:
    beyond = set(re.findall(r"[^\x00-\x7f]", text))
    if any(unicodedata.category(c) in ("Cc", "Cf", "Cn", "Co", "Cs") for c in beyond - _SIGNS):
        return False
    if family in ("ja", "zh", "zh-tw", "ko"):
        return _plausible_cjk(text, beyond, family)
    letters = {c for c in beyond - _SIGNS if c.isalpha()}
    if beyond - _SIGNS - letters:
        return False  # box drawing, dead accents, currency signs no one types
    if not _one_alphabet(letters, family):
        return False
    return not _odd_words(text, letters)


def _one_alphabet(letters: set[str], family: str) -> bool:
    if family in _SCRIPTS:
        script = _SCRIPTS[family]
        return all(unicodedata.name(c, "").startswith(script) for c in letters)
    lowered = {_lower(c) for c in letters} - {"i"}
    return any(lowered <= set(alphabet) for alphabet in _ALPHABETS[family])


def _lower(letter: str) -> str:
    return "i" if letter == "İ" else letter.lower()  # Turkish dotted capital I


def _odd_words(text: str, letters: set[str]) -> bool:
    """A word that changes from lower to upper case in the middle, mixes ASCII letters with
    another script, or has a sign between two letters: bytes read in the wrong code page."""
    lower = "".join(sorted(c for c in letters if c.islower()))
    upper = "".join(sorted(c for c in letters if c.isupper()))
    foreign = "".join(sorted(c for c in letters if "LATIN" not in unicodedata.name(c, "")))
    patterns = []
    if upper:
        patterns.append(f"[a-z{re.escape(lower)}][{re.escape(upper)}]")
    if lower:
        patterns.append(f"[{re.escape(lower)}][A-Z]")
    patterns.append(f"[^\\W\\d_][{re.escape(_WORD_BREAKING_SIGNS)}][^\\W\\d_]")
    if foreign:
        patterns.append(f"[A-Za-z][{re.escape(foreign)}]|[{re.escape(foreign)}][A-Za-z]")
    return re.search("|".join(patterns), text) is not None


def _plausible_cjk(text: str, beyond: set[str], family: str) -> bool:
    allowed = {c for c in beyond if _HAN.match(c) or _CJK_OTHER.match(c) or c in _SIGNS}
    kana = {c for c in beyond if _KANA.match(c)}
    hangul = {c for c in beyond if _HANGUL.match(c)}
    if beyond - allowed - kana - hangul:
        return False  # Greek, Cyrillic, box drawing or half-width kana from a CJK table
    if (kana and family != "ja") or (hangul and family != "ko") or (family == "ko" and not hangul):
        return False
    han = _HAN.findall(text)
    if family == "ko":
        chars = _HANGUL.findall(text)
        if len(han) > MAX_HANJA * (len(han) + len(chars)):
            return False  # Korean news writes Hangul, with a Chinese character here and there
    else:
        chars = han
        if len(_SPACED.findall(text)) * SPACED_PER > len(han):
            return False  # Chinese and Japanese do not put spaces between words; Korean does
    if not chars:
        return bool(kana)
    common = _common_characters(family)
    return sum(c in common for c in chars) >= MIN_COMMON * len(chars)


@cache
def _common_characters(family: str) -> frozenset[str]:
    """The first level of each national standard: its most used ideographs (or Hangul)."""
    codec, rows, trails = {
        "ja": ("euc_jp", range(0xB0, 0xD0), range(0xA1, 0xFF)),  # JIS X 0208 level 1
        "zh": ("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF)),  # GB 2312 level 1
        "zh-tw": ("big5", range(0xA4, 0xC7), (*range(0x40, 0x7F), *range(0xA1, 0xFF))),
        "ko": ("euc_kr", range(0xB0, 0xC9), range(0xA1, 0xFF)),  # KS X 1001 Hangul
    }[family]
    found = set()
    for lead in rows:
        for trail in trails:
            try:
                found.add(bytes((lead, trail)).decode(codec))
            except UnicodeDecodeError:
                continue
    return frozenset(found)
