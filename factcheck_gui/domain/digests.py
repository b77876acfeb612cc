"""The hashes a text is known by.

``text_sha256``: of the text exactly as stored; annotation sets and exports match articles
by it. ``nfc_sha256``: of its NFC form, so that one text written with composed characters
(é) and with combining ones (e + ´) is recognised as a duplicate; the stored text stays as
its author wrote it.
"""

from __future__ import annotations

import hashlib
import unicodedata


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def nfc_sha256(text: str) -> str:
    return text_sha256(unicodedata.normalize("NFC", text))
