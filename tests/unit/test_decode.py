import codecs

import pytest

from factcheck_gui.importers.decode import decode
from factcheck_gui.importers.errors import ImportProblem

FRENCH = (
    "Le ministère a déclaré que près de 300 000 soldats russes étaient morts ou blessés. "
    "Selon les services de renseignement, l'armée a recruté à l'étranger, où les salaires "
    "élevés attirent des hommes désœuvrés. Ça coûte très cher à l'État. "
) * 6


def test_utf8_and_byte_order_marks() -> None:
    assert decode("Grüße 🎙️".encode()) == "Grüße 🎙️"
    assert decode(codecs.BOM_UTF8 + "é".encode()) == "é"
    assert decode("Grüße".encode("utf-16")) == "Grüße"


def test_a_legacy_encoding_is_detected() -> None:
    assert decode(FRENCH.encode("cp1252")) == FRENCH


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n\t ", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (bytes(range(128, 256)) * 20, "encoding that cannot be told"),
    ],
)
def test_bad_bytes_get_a_reason(data: bytes, message: str) -> None:
    with pytest.raises(ImportProblem, match=message):
        decode(data)
