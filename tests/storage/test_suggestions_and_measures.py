"""Suggested figures in the store (tagged and dismissed ones left out) and measures:
completion names, the proposed measure, renaming and merging with undo."""

from __future__ import annotations

import json

import pytest

from factcheck_gui.cli import main
from factcheck_gui.domain.commands import MergeMeasures, RenameMeasure
from factcheck_gui.domain.errors import UserError
from factcheck_gui.services.comparison import compare
from factcheck_gui.services.workspace import Workspace
from tests.storage.test_comparison import CASUALTIES, MIGRANTS, annotate_samples, figure


def test_tagged_and_dismissed_figures_are_not_suggested_again(workspace: Workspace) -> None:
    before = [c.quote for c in workspace.suggestions.candidates(2)]
    assert "nearing 300,000" in before and "$5,140" in before
    figure(workspace, 2, "300,000", None)
    dollars = next(c for c in workspace.suggestions.candidates(2) if c.quote == "$5,140")
    workspace.suggestions.dismiss(2, dollars.start, dollars.end)
    workspace.suggestions.dismiss(2, dollars.start, dollars.end)  # twice is harmless
    after = [c.quote for c in workspace.suggestions.candidates(2)]
    assert "nearing 300,000" not in after and "$5,140" not in after
    assert len(after) == len(before) - 2
    assert workspace.suggestions.dismissed_count(2) == 1
    workspace.suggestions.restore_dismissed(2)
    assert "$5,140" in [c.quote for c in workspace.suggestions.candidates(2)]


def test_figures_on_the_command_line(workspace: Workspace, capsys) -> None:  # noqa: ANN001
    workspace.close()
    assert main(["figures", "4", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    fighters = next(r for r in rows if r["quote"] == "264,660 fighters")
    assert set(fighters) == {"start", "end", "quote", "value", "unit", "hedge", "low", "high"}
    assert (fighters["value"], fighters["unit"]) == (264660, "people")
    assert not [r for r in rows if "2022" in r["quote"]]
    assert main(["figures", "4"]) == 0
    assert "264,660 fighters\tpeople" in capsys.readouterr().out
    assert main(["figures", "99"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "factcheck: there is no article 99; `factcheck list` shows the ids"


def test_measure_names_complete_from_measures_in_use(workspace: Workspace) -> None:
    annotate_samples(workspace)
    assert workspace.measures.names() == [
        MIGRANTS,
        "Russian losses per day, May 2024",
        CASUALTIES,
    ]
    assert workspace.measures.figure_count(CASUALTIES) == 4


def test_a_new_figure_is_proposed_the_measure_of_similar_figures(workspace: Workspace) -> None:
    annotate_samples(workspace)
    migrants = figure(workspace, 4, "at least 6 million migrants", None)
    assert workspace.measures.propose(migrants) == MIGRANTS
    recruits = figure(workspace, 1, "about 280,000 people", None)  # no measure is like it
    assert workspace.measures.propose(recruits) is None


def test_rename_and_undo(workspace: Workspace) -> None:
    annotate_samples(workspace)
    command = RenameMeasure(workspace.measures, CASUALTIES, "  Russian   casualties ")
    changes = command.do()
    assert len(changes.updated) == 4 and changes.articles == {2, 3, 4}
    assert "Russian casualties" in workspace.measures.names()
    command.undo()
    assert CASUALTIES in workspace.measures.names()


def test_rename_onto_an_existing_name_is_refused_and_changes_nothing(
    workspace: Workspace,
) -> None:
    annotate_samples(workspace)
    before = compare(workspace.db)
    with pytest.raises(UserError, match="already exists; merge the two instead"):
        workspace.measures.rename(CASUALTIES, MIGRANTS)
    with pytest.raises(UserError, match="needs a name"):
        workspace.measures.rename(CASUALTIES, "   ")
    assert compare(workspace.db) == before


def test_merge_moves_figures_and_undo_puts_them_back(workspace: Workspace) -> None:
    ids = annotate_samples(workspace)
    command = MergeMeasures(
        workspace.measures, [MIGRANTS, "Russian losses per day, May 2024"], CASUALTIES
    )
    changes = command.do()
    assert changes.updated == {ids["m1"], ids["m2"], ids["lonely"]}
    assert workspace.measures.names() == [CASUALTIES]
    assert workspace.annotations.get_annotation(ids["m1"]).measure == CASUALTIES
    command.undo()
    assert workspace.measures.names() == sorted(
        [CASUALTIES, MIGRANTS, "Russian losses per day, May 2024"], key=str.casefold
    )
    assert workspace.annotations.get_annotation(ids["lonely"]).measure == (
        "Russian losses per day, May 2024"
    )


def test_rates_on_the_command_line(workspace: Workspace, capsys) -> None:  # noqa: ANN001
    workspace.close()
    assert main(["rates", "--flagged", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["article_id"], row["quote"], row["pair"]) == (
        2,
        "45,000 rubles ($5,140)",
        "RUB/USD",
    )
    assert row["flagged"] is True
    assert main(["rates"]) == 0
    out = capsys.readouterr().out
    assert "FLAGGED RUB/USD 8.755" in out and "RUB/USD 96.3" in out


def test_a_count_of_people_is_never_proposed_a_measure_of_money(workspace: Workspace) -> None:
    money = "Russian Security Council pay registered this year"  # the words around the count
    figure(workspace, 2, "190,000 rubles", money)
    no_unit = figure(workspace, 2, "$5,140", money)
    workspace.annotations.update(no_unit, {"unit": ""})  # a money measure's figure, no unit
    recruits = figure(workspace, 1, "about 280,000 people", None)
    assert workspace.measures.propose(recruits) is None


def test_a_figure_is_not_proposed_a_measure_of_another_scale(workspace: Workspace) -> None:
    small = figure(workspace, 5, "21 countries", "Security Council registered this year")
    workspace.annotations.update(small, {"unit": ""})
    recruits = figure(workspace, 1, "about 280,000 people", None)
    assert workspace.measures.propose(recruits) is None


def test_a_figure_is_proposed_a_measure_of_its_own_kind_and_scale(workspace: Workspace) -> None:
    figure(workspace, 2, "190,000 rubles", "Security Council registered this year")
    people = "Russian Security Council registered this year"
    figure(workspace, 4, "at least 6 million migrants", people)
    recruits = figure(workspace, 1, "about 280,000 people", None)
    assert workspace.measures.propose(recruits) == people
