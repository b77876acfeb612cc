"""The hashes a text is known by.

``text_sha256``: of the text exactly as stored; annotation sets and exports match articles
by it. ``nfc_sha256``: of its NFC form, so that one text written with composed characters
(é) and with combining ones (e + ´) is recognised as a duplicate; the stored text stays as
its author wrote it. ``ni_uri``: a name for the text itself (RFC 6920 "Naming Things with
Hashes"), for formats that must name the resource their offsets count in.
"""

from __future__ import annotations

import base64
import hashlib
import unicodedata


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def nfc_sha256(text: str) -> str:
    return text_sha256(unicodedata.normalize("NFC", text))


def ni_uri(sha256_hex: str) -> str:
    """``ni:///sha-256;<digest>`` (RFC 6920, section 3): the SHA-256 digest in base64url
    without padding; no authority. ``sha256_hex`` is ``text_sha256`` of the UTF-8 text."""
    digest = bytes.fromhex(sha256_hex)
    if len(digest) != 32:
        raise ValueError(f"a SHA-256 digest has 32 bytes, not {len(digest)}")
    return "ni:///sha-256;" + base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
