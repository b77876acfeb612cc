"""The names texts are known by: ni URIs (RFC 6920) beside the hex SHA-256."""

from __future__ import annotations

import base64
import hashlib

import pytest

from factcheck_gui.domain.digests import ni_uri, text_sha256


def test_the_rfc_6920_example_hello_world() -> None:
    # RFC 6920, section 8.1: the SHA-256 of "Hello World!" is 7f83b165...126d9069 (FIPS
    # 180-4); base64url without "=" padding gives the name the RFC prints.
    digest = "7f83b1657ff1fc53b92dc18148a1d65dfc2d4b1fa3d677284addd200126d9069"
    assert text_sha256("Hello World!") == digest
    assert ni_uri(digest) == "ni:///sha-256;f4OxZX_x_FO5LcGBSKHWXfwtSx-j1ncoSt3SABJtkGk"


def test_the_name_is_of_the_utf8_bytes_in_base64url_without_padding() -> None:
    text = "Ünïcode 🙂 ~~~?>>"  # bytes that give "-" and "_" in base64url
    raw = hashlib.sha256(text.encode("utf-8")).digest()
    name = ni_uri(text_sha256(text))
    value = name.removeprefix("ni:///sha-256;")
    assert "=" not in value and "+" not in value and "/" not in value
    assert base64.urlsafe_b64decode(value + "=") == raw


def test_a_digest_of_another_length_is_refused() -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        ni_uri("ab" * 20)
