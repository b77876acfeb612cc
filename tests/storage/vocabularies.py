"""Where the tests find the published vocabularies they check exports against.

The W3C Web Annotation test suite's JSON schemas (github.com/w3c/web-annotation-tests:
its ``annotations/``, ``collections/`` and ``definitions/`` folders) and schema.org's
vocabulary (``schemaorg-current-https.jsonld`` of a schema.org release) are not part of
this repository; see tests/fixtures/vocabularies/README.md for what goes where and the
licences. They are looked for in ``$FACTCHECK_TEST_VOCABULARIES``, then in
tests/fixtures/vocabularies/, then in the shared/vocabularies/ folder beside the checkout.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ENV = "FACTCHECK_TEST_VOCABULARIES"
_HERE = Path(__file__).resolve().parents[1]  # tests/
W3C = "w3c-annotation-schemas"
SCHEMA_ORG = "schemaorg/schemaorg-current-https.jsonld"


def _candidates() -> list[Path]:
    found = [Path(os.environ[ENV])] if os.environ.get(ENV) else []
    return [
        *found,
        _HERE / "fixtures" / "vocabularies",
        _HERE.parent.parent / "shared" / "vocabularies",
    ]


def vocabulary(name: str) -> Path:
    """The folder or file ``name`` of the first place that has it; the test is skipped,
    saying where to put it, when none has."""
    for folder in _candidates():
        if (folder / name).exists():
            return folder / name
    pytest.skip(
        f"{name} is not here: put it in one of {', '.join(str(c) for c in _candidates())} "
        "(see tests/fixtures/vocabularies/README.md)"
    )
