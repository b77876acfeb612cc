"""Dates as news datasets and scrapers write them, read only when they say one day.

The rule, in order:

1. ISO 8601 ("2023-09-04", "2023-09-04T10:00:00Z", "2017-12-01 19:39:16"): the date as
   written, in the writer's own time zone.
2. All-numeric dates with the year last ("03/04/2017", "31.12.2017"): read only when the
   order is certain — one of the first two numbers is above 12, or both are equal. "03/04/2017"
   is 3 April in Europe and March 4 in the United States, so it is refused as ambiguous.
3. Anything else is given to dateparser (a maintained library, 200+ languages): month
   names ("December 31, 2017", "Dec 31, 2017", "19-Feb-18", "1 mars 2017") and RFC 822
   ("Tue, 10 Jun 2003 04:00:00 GMT"). It runs with ``STRICT_PARSING``, so a date without
   its day, month and year ("December 2017", "Monday") is refused rather than completed
   from today, and with its absolute-time parser only, so "yesterday" or "3 days ago" is
   refused rather than counted back from the day of the import.

dateparser and not dateutil: ``dateutil.parser.parse`` fills whatever is missing from the
current date ("December 2017" becomes the 4th if it is the 4th today, "5" becomes the 5th
of this month) and has no switch to refuse an incomplete date, so a wrong date would be
stored as fact; dateparser's strict mode refuses exactly those.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from factcheck_gui.importers.errors import ImportProblem

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}(?=[T ])")  # the day of a timestamp Python won't read
_NUMERIC = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$")
_SETTINGS = {
    "STRICT_PARSING": True,  # day, month and year, or nothing
    "PARSERS": ["absolute-time"],  # no "yesterday", no bare timestamps
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def parse_date(value: str) -> date:
    """The day ``value`` names; ImportProblem saying why when it does not name one surely."""
    found = _parse(" ".join(value.split()))
    if isinstance(found, str):
        raise ImportProblem(found)
    return found


@lru_cache(maxsize=4096)  # a corpus repeats its dates: ISOT has 44,898 rows, ~1,000 dates
def _parse(value: str) -> date | str:
    if not value:
        return "the date is empty"
    iso = _iso(value)
    if iso is not None:
        return iso
    order = None
    numeric = _NUMERIC.match(value)
    if numeric:
        first, second = int(numeric[1]), int(numeric[2])
        if first <= 12 and second <= 12 and first != second:
            return (
                f"the date {value!r} is ambiguous: day/month or month/day; "
                "write it as 2017-12-31 or with the month's name"
            )
        order = "DMY" if first > 12 or first == second else "MDY"
    import dateparser  # imported on first use: most imports never need it

    settings = dict(_SETTINGS, DATE_ORDER=order) if order else _SETTINGS
    parsed = dateparser.parse(value, settings=settings)  # type: ignore[arg-type]
    if parsed is None:
        return f"the date {value!r} could not be read; write it as 2017-12-31"
    return parsed.date()


def _iso(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    day = _ISO_DAY.match(value)
    try:
        return date.fromisoformat(day[0]) if day else None
    except ValueError:
        return None
