"""Convert offsets between code points (how we store them) and UTF-16 units (how Qt counts).

A character outside the Basic Multilingual Plane (an emoji, say) is one code point
but two UTF-16 units, so every position after it differs by one more.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class OffsetMap:
    """Offsets of one text, both ways, in O(log n) per conversion."""

    __slots__ = ("_astral_cp", "_astral_u16", "length", "length_utf16")

    def __init__(self, text: str) -> None:
        astral = [] if text.isascii() else [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_cp = astral
        # Where each astral character starts, counted in UTF-16 units.
        self._astral_u16 = [cp + n for n, cp in enumerate(astral)]
        self.length = len(text)
        self.length_utf16 = len(text) + len(astral)

    @property
    def is_identity(self) -> bool:
        return not self._astral_cp

    def to_utf16(self, cp: int) -> int:
        """The UTF-16 position of code point offset ``cp``."""
        if not 0 <= cp <= self.length:
            raise ValueError(f"offset {cp} is outside the text (0..{self.length})")
        return cp + bisect_left(self._astral_cp, cp)

    def from_utf16(self, u16: int) -> int:
        """The code point offset of UTF-16 position ``u16``.

        A position inside a surrogate pair (which Qt can report) rounds down to the
        start of that character, so a selection never splits one.
        """
        if not 0 <= u16 <= self.length_utf16:
            raise ValueError(f"position {u16} is outside the text (0..{self.length_utf16})")
        # Astral characters that start before u16: each adds one unit to the count.
        before = bisect_right(self._astral_u16, u16 - 1)
        if before and u16 == self._astral_u16[before - 1] + 1:
            return self._astral_cp[before - 1]  # inside a pair: its character's start
        return u16 - before
