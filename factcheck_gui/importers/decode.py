"""Bytes to text: UTF-8 and byte-order marks first, then charset-normalizer's detection.

A file whose encoding cannot be told with confidence is refused rather than guessed,
because a wrong guess stores garbled quotes that no one notices until they are exported.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from factcheck_gui.importers.errors import ImportProblem

SNIFF_BYTES = 8192
MAX_CHAOS = 0.15  # charset-normalizer's "mess" ratio above which a guess is not trusted

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes) -> str:
    if not data.strip():
        raise ImportProblem("the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise ImportProblem(
                    f"the file starts like {encoding.upper()} text but does not decode as it; "
                    "save it again as UTF-8"
                ) from None
    if b"\x00" in data[:SNIFF_BYTES]:
        raise ImportProblem(
            "this looks like a binary file, not text; import text, HTML, "
            "Markdown, JSON, CSV or a zip of them"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.chaos > MAX_CHAOS:
        guess = f" (best guess {best.encoding}, not convincing)" if best is not None else ""
        raise ImportProblem(
            f"the text is in an encoding that cannot be told for sure{guess}; "
            "save it as UTF-8 and import it again"
        )
    return str(best)
