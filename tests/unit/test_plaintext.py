from datetime import date
from pathlib import Path

import pytest

from factcheck_gui.importers.plaintext import guess_title, read_plain_text

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "title", "outlet", "published"),
    [
        (
            "000_f9c94b828d33c9da.txt",
            "Russia Accused of Recruiting Mercenaries from Central Asia for Ukraine War",
            "Tempo.co",
            None,
        ),
        (
            "001_bf0500b653b06110.txt",
            "Moscow has been avoiding recruiting Russians to boost its armed forces for…",
            None,
            date(2023, 9, 4),
        ),
        (
            "002_3bc6c6f3a626bfad.txt",
            "Russia recruits mercenaries from Kazakhstan and Armenia for the Ukraine conflict"
            " – Western media claims",
            None,
            None,
        ),
        (
            "003_f3cd04de7cf56602.txt",
            "Russia Steps Up New Plan To Bolster Troops After Heavy Losses: U.K.",
            "Newsweek",
            None,
        ),
    ],
)
def test_sample_metadata_is_read_from_the_text(name, title, outlet, published) -> None:  # noqa: ANN001
    draft = read_plain_text(seed(name), source_name=name)
    assert (draft.title, draft.outlet, draft.published) == (title, outlet, published)


def test_the_text_is_kept_exactly() -> None:
    raw = seed("003_f3cd04de7cf56602.txt")
    assert read_plain_text(raw).text == raw


def test_windows_line_endings_become_newlines() -> None:
    draft = read_plain_text("Headline\r\n\r\nBody text.\rMore.")
    assert draft.text == "Headline\n\nBody text.\nMore."
    assert draft.title == "Headline"


def test_an_empty_text_falls_back_to_the_file_name() -> None:
    assert read_plain_text("  \n", source_name="x.txt").title == "x.txt"
    assert guess_title("") is None


def test_a_bad_date_marker_is_ignored() -> None:
    assert read_plain_text("date 2023-02-30 Something happened.").published is None
