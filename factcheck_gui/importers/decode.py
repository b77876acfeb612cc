"""Bytes to text: the author's text exactly, or a refusal saying why it cannot be told.

* A byte-order mark names UTF-8, UTF-16 or UTF-32, and the text must decode as it.
* A NUL anywhere (not only near the start) means a binary file.
* Valid UTF-8 is UTF-8 (or ISO-2022-JP, when its escape sequences say so).
* Mostly UTF-8 with some invalid bytes (more valid multi-byte characters than invalid
  bytes) is a UTF-8 file with damaged lines; it is refused naming the first bad line,
  never read as a whole in another code page (that would garble every valid line).
* Anything else is read in a legacy code page only when all its plausible readings give the
  same text (see ``legacy``); otherwise it is refused naming the candidates, because a
  wrong guess stores garbled quotes that no one notices until they are exported.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from factcheck_gui.importers.errors import ImportProblem
from factcheck_gui.importers.legacy import readings

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BINARY = (
    "this looks like a binary file, not text (it holds NUL bytes); import text, HTML, "
    "Markdown, JSON, CSV or a zip of them"
)
_SAVE_AS_UTF8 = "save the file again as UTF-8"
_ISO2022_JP = re.compile(rb"\x1b\$[@B]|\x1b\(J")


def decode(data: bytes) -> str:
    if not data.strip():
        raise ImportProblem("the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as error:
                raise ImportProblem(
                    f"the file starts like {encoding.upper()} text but does not decode as it "
                    f"(at byte {error.start:,}); {_SAVE_AS_UTF8}"
                ) from None
            if "\x00" in text:
                raise ImportProblem(_BINARY)
            if not text.strip():
                raise ImportProblem("the file is empty")
            return text
    if b"\x00" in data:
        raise ImportProblem(_BINARY)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        first_bad = error.start
    else:
        return _iso2022_jp(data) if _ISO2022_JP.search(data) else text
    if _mostly_utf8(data):
        line = data.count(b"\n", 0, first_bad) + 1
        raise ImportProblem(
            f"line {line:,} is not UTF-8 although the rest of the file is; {_SAVE_AS_UTF8}"
        )
    return _legacy(data)


def _iso2022_jp(data: bytes) -> str:
    """Japanese e-mail's 7-bit encoding, named by its escape sequences (so never a guess)."""
    try:
        return data.decode("iso2022_jp_ext")
    except UnicodeDecodeError:
        raise ImportProblem(
            f"the file uses ISO-2022-JP escape sequences but does not decode as it; {_SAVE_AS_UTF8}"
        ) from None


def _mostly_utf8(data: bytes) -> bool:
    """More valid multi-byte UTF-8 characters than invalid bytes.

    Text in a legacy code page forms valid UTF-8 sequences only by chance: none in
    Western or Cyrillic text, and fewer than one for every two invalid ones in Chinese,
    Japanese or Korean.
    """
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    valid = len(text) - invalid - sum(1 for c in text if c < "\x80")
    return valid >= invalid


def _legacy(data: bytes) -> str:
    found = readings(data)
    texts = {r.text for r in found}
    if len(texts) == 1:
        return found[0].text
    if found:
        names = _names([r.name for r in found if r.text != found[0].text], found[0].name)
        raise ImportProblem(
            f"the text is not UTF-8, and it reads differently as {names}; "
            "only the author can tell which is right, so save it as UTF-8 and import it again"
        )
    best = from_bytes(data).best()
    guess = f" (best guess {best.encoding}, not convincing)" if best is not None else ""
    raise ImportProblem(
        f"the text is in an encoding that cannot be told for sure{guess}; "
        "save it as UTF-8 and import it again"
    )


def _names(others: list[str], first: str) -> str:
    shown = [first, *others[:2]]
    more = f" and {len(others) - 2} more" if len(others) > 2 else ""
    return ", ".join(shown[:-1]) + f" or {shown[-1]}{more}"
