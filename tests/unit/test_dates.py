"""The date rule: ISO and month names always, numeric day/month only when certain."""

from datetime import date

import pytest

from factcheck_gui.importers.dates import parse_date
from factcheck_gui.importers.errors import ImportProblem


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("2023-09-04", date(2023, 9, 4)),
        ("2023-09-04T10:00:00Z", date(2023, 9, 4)),
        ("2017-12-31T23:30:00-05:00", date(2017, 12, 31)),  # the writer's day, not UTC's
        ("2017-12-01 19:39:16", date(2017, 12, 1)),  # news-please, CC-News
        ("December 31, 2017 ", date(2017, 12, 31)),  # ISOT True.csv
        ("Dec 31, 2017", date(2017, 12, 31)),  # ISOT Fake.csv
        ("19-Feb-18", date(2018, 2, 19)),  # ISOT Fake.csv
        ("Tue, 10 Jun 2003 23:30:00 -0500", date(2003, 6, 10)),  # RSS pubDate
        ("1 mars 2017", date(2017, 3, 1)),
        ("31/12/2017", date(2017, 12, 31)),  # only one order is a date
        ("12/31/2017", date(2017, 12, 31)),
        ("04.04.2017", date(2017, 4, 4)),  # both orders give the same day
    ],
)
def test_dates_in_common_written_forms(written: str, day: date) -> None:
    assert parse_date(written) == day


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("03/04/2017", "ambiguous: day/month or month/day"),
        ("03/04/17", "ambiguous"),
        ("December 2017", "could not be read"),  # no day: not completed from today
        ("Monday", "could not be read"),
        ("yesterday", "could not be read"),  # not counted back from the import
        ("1487289600", "could not be read"),
        ("https://100percentfedup.com/served-roy-moore/", "could not be read"),
        ("13/13/2017", "could not be read"),
        ("  ", "empty"),
    ],
)
def test_dates_that_do_not_name_one_day_surely_are_refused(written: str, message: str) -> None:
    with pytest.raises(ImportProblem, match=message):
        parse_date(written)
