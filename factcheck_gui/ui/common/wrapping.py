"""Text that wraps like the source: at word boundaries, never inside a word.

Pages saved from the web join whole phrases with no-break spaces (``accused\\u00a0Russia
\\u00a0of``, ``against\\u00a0Ukraine\\u00a0.\\u00a0“There``). Qt keeps such a run on one line,
and in a narrow pane a run wider than the line is then broken anywhere: "Russ|ia". Shown, a
no-break space between words becomes an ordinary space, so lines break between the words;
one between two digits (``300\\u00a0000``) stays, so a number is never split. The stand-in
has the same length (one code point, one UTF-16 unit), so every offset is unchanged; the
stored text is never altered, and a copy from the view copies the stored characters.
"""

from __future__ import annotations

import re

NO_BREAK_SPACES = "\u00a0\u2007"  # no-break space, figure space; U+202F stays (numbers)
_BETWEEN_WORDS = re.compile(rf"(?<!\d)[{NO_BREAK_SPACES}]|[{NO_BREAK_SPACES}](?!\d)")


def display_text(text: str) -> str:
    """``text`` as the view lays it out: no-break spaces between words made breakable."""
    if not any(c in text for c in NO_BREAK_SPACES):
        return text
    return _BETWEEN_WORDS.sub(" ", text)
