"""Which annotation-set format a file is, told from its content (not its name): our native
JSON, W3C Web Annotation, or our CSV table."""

from __future__ import annotations

import re

from factcheck_gui.importers.annotation_set import FORMAT_NAME, read_document
from factcheck_gui.importers.csv_set import looks_like_csv_set, read_csv_set
from factcheck_gui.importers.errors import ImportProblem
from factcheck_gui.importers.foreign_set import ForeignSet
from factcheck_gui.importers.records import loads
from factcheck_gui.importers.set_model import AnnotationSet
from factcheck_gui.importers.w3c_set import CONTEXT, is_w3c, read_w3c

NOT_A_SET = "not an annotation set: expected native JSON, W3C Web Annotation or factcheck CSV"
_W3C_TYPE = re.compile(r'"@?type"\s*:\s*\[?\s*"(?:oa:)?Annotation(?:Collection|Page)?"')


def read_set(text: str) -> AnnotationSet | ForeignSet:
    """The set in ``text`` (decoded), whatever its format; ImportProblem names what is wrong."""
    if text.lstrip("\ufeff \t\r\n")[:1] in ("{", "["):
        document = loads(text, walked=False)
        if isinstance(document, dict) and document.get("format") == FORMAT_NAME:
            return read_document(document)
        if is_w3c(document):
            return read_w3c(document)
        raise ImportProblem(NOT_A_SET)
    if looks_like_csv_set(text):
        return read_csv_set(text)
    raise ImportProblem(NOT_A_SET)


def looks_like_set(head: str) -> bool:
    """Whether the first few thousand characters of a file look like an annotation set."""
    start = head.lstrip("\ufeff \t\r\n")
    if start[:1] in ("{", "["):
        return (
            f'"{FORMAT_NAME}"' in start[:400] or CONTEXT in start or bool(_W3C_TYPE.search(start))
        )
    return looks_like_csv_set(start)
