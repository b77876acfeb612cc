import pytest

from factcheck_gui.domain.changes import Changes
from factcheck_gui.domain.model import Verdict


def test_the_verdict_scale_is_ordered() -> None:
    assert [v.value for v in Verdict] == [
        "unchecked",
        "accurate",
        "mostly accurate",
        "misleading",
        "inaccurate",
        "unverifiable",
    ]
    assert Verdict.UNCHECKED.rank == 0 and Verdict.UNVERIFIABLE.rank == 5


@pytest.mark.parametrize("text", ["mostly accurate", "Mostly_Accurate", " mostly-accurate "])
def test_verdicts_parse_from_their_spellings(text: str) -> None:
    assert Verdict.parse(text) is Verdict.MOSTLY_ACCURATE


def test_an_unknown_verdict_names_the_choices() -> None:
    with pytest.raises(ValueError, match="use one of: unchecked, accurate"):
        Verdict.parse("true-ish")


def test_changes_combine_and_cancel() -> None:
    a = Changes(articles=frozenset({1}), added=frozenset({"x"}))
    b = Changes(articles=frozenset({1}), removed=frozenset({"x"}))
    both = a | b
    assert both.removed == {"x"} and not both.added
    assert Changes().empty and not a.empty


def test_changes_keep_their_initiator_only_when_both_share_it() -> None:
    editor, job = object(), object()
    a = Changes(articles=frozenset({1}), updated=frozenset({"x"})).by(editor)
    assert a.initiator is editor and a == Changes(articles=frozenset({1}), updated=frozenset({"x"}))
    assert (a | a.by(editor)).initiator is editor
    assert (a | a.by(job)).initiator is None and (a | Changes()).initiator is None
    assert a.annotation_ids == {"x"}
