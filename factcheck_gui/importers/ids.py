"""Annotation ids on import: UUIDs in their canonical form, whatever the format.

Every id stored is a UUID written the canonical way (36 characters, lowercase, hyphens),
so ``7C7E1A57…``, ``{7c7e1a57-…}`` and ``urn:uuid:7c7e1a57-…`` are one id, and a value such
as ``=2+5`` (a spreadsheet's formula, a typo) is refused instead of stored.

An annotation from another tool whose id is an IRI (``https://hypothes.is/a/AbC123``) gets
a UUID derived from that IRI (version 5, in the URL namespace): the same IRI always gives
the same UUID, so importing the same set again updates those annotations rather than
adding copies.
"""

from __future__ import annotations

import re
import uuid

CANONICAL = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_HEX = re.compile(r"[0-9a-fA-F]{32}")
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+")


def canonical_uuid(value: object) -> str | None:
    """The canonical form of a UUID written as text (plain, braced, without hyphens or as
    ``urn:uuid:``), or None when ``value`` is not one."""
    if not isinstance(value, str) or len(value) > 45:
        return None
    if CANONICAL.fullmatch(value):
        return value  # as we write them: most ids of most files
    text = value.strip()
    if text.lower().startswith("urn:uuid:"):
        text = text[9:]
    if text.startswith("{") and text.endswith("}"):
        text = text[1:-1]
    if not _HEX.fullmatch(text.replace("-", "")) or not _hyphens_fit(text):
        return None
    return str(uuid.UUID(text))


def _hyphens_fit(text: str) -> bool:
    """No hyphens, or the four of 8-4-4-4-12 (uuid.UUID would take them anywhere)."""
    return "-" not in text or [len(p) for p in text.split("-")] == [8, 4, 4, 4, 12]


def is_iri(value: str) -> bool:
    """An absolute IRI: a scheme, a colon, and no white space or characters IRIs forbid."""
    return bool(_IRI.fullmatch(value))


def uuid_of_iri(iri: str) -> str:
    """The stable UUID that stands for another tool's annotation IRI."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, iri))


def annotation_id(value: object) -> str | None:
    """A UUID (canonical) or, for an IRI that holds none, the UUID derived from it."""
    found = canonical_uuid(value)
    if found is not None:
        return found
    if isinstance(value, str) and not value.lower().startswith("urn:uuid:") and is_iri(value):
        return uuid_of_iri(value)
    return None


def describe(value: object) -> str:
    """A bad value as a message shows it: quoted, and cut when long."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"
