"""Tagging, editing and deleting through the service, and every refusal leaving data alone."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from factcheck_gui.domain.errors import NotFound, UserError
from factcheck_gui.domain.model import Annotation, Kind, NewAnnotation, Verdict
from factcheck_gui.services.workspace import Workspace

EMOJI_SEED = 4  # 003_f3cd04de7cf56602.txt, the fourth sample


def tag(ws: Workspace, article_id: int, quote: str, kind: Kind = Kind.CLAIM, **kw) -> Annotation:  # noqa: ANN003
    text = ws.library.article(article_id).text
    start = text.index(quote)
    new = NewAnnotation(article_id, start, start + len(quote), kind, reviewer="ann", **kw)
    return ws.annotations.create(new)[0]


def snapshot(ws: Workspace) -> list[Annotation]:
    return [a for s in ws.library.summaries() for a in ws.annotations.for_article(s.id)]


def test_a_tag_stores_quote_context_and_reviewer(workspace: Workspace) -> None:
    a = tag(workspace, 1, "at least 6 million", Kind.FIGURE)
    stored = workspace.annotations.get_annotation(a.id)
    assert stored == a
    assert stored.quote == "at least 6 million"
    assert stored.prefix.endswith("“There are ") and stored.suffix.startswith(" migrants")
    assert stored.verdict is Verdict.UNCHECKED and stored.reviewer == "ann"
    assert len(stored.id) == 36 and stored.created == stored.modified


def test_a_span_after_the_emoji_keeps_its_exact_quote(workspace: Workspace) -> None:
    text = workspace.library.article(EMOJI_SEED).text
    assert "🎙" in text
    a = tag(workspace, EMOJI_SEED, "264,660", Kind.FIGURE)
    assert text[a.start : a.end] == "264,660" == a.quote


def test_overlapping_and_nested_spans_are_allowed(workspace: Workspace) -> None:
    outer = tag(workspace, 2, "US officials last month claimed that Russia's military casualties")
    inner = tag(workspace, 2, "Russia's military casualties are nearing 300,000", Kind.FIGURE)
    nested = tag(workspace, 2, "US officials", Kind.ATTRIBUTION, speaker="US officials")
    ids = {a.id for a in workspace.annotations.for_article(2)}
    assert ids == {outer.id, inner.id, nested.id}


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (5, 5, "not inside the article"),
        (-1, 4, "not inside"),
        (0, 10**7, "not inside"),
        (None, None, "only white space"),
    ],
)
def test_a_bad_span_is_refused_and_nothing_changes(workspace, start, end, message) -> None:  # noqa: ANN001
    text = workspace.library.article(1).text
    if start is None:
        start = text.index("\n\n")
        end = start + 2
    before = snapshot(workspace)
    with pytest.raises(UserError, match=message):
        workspace.annotations.create(NewAnnotation(1, start, end, Kind.CLAIM, reviewer="x"))
    assert snapshot(workspace) == before


def test_a_selection_is_trimmed_of_white_space(workspace: Workspace) -> None:
    text = workspace.library.article(1).text
    start = text.index(" Dmitry Medvedev ")
    new = NewAnnotation(1, start, start + 17, Kind.ATTRIBUTION, reviewer="x")
    a = workspace.annotations.create(new)[0]
    assert a.quote == "Dmitry Medvedev" and text[a.start : a.end] == a.quote


def test_tagging_a_missing_article_is_refused(workspace: Workspace) -> None:
    with pytest.raises(NotFound, match="there is no article 99"):
        workspace.annotations.create(NewAnnotation(99, 0, 3, Kind.CLAIM, reviewer="x"))


def test_editing_sets_fields_and_the_modified_time(workspace: Workspace) -> None:
    a = tag(workspace, 1, "280,000 people")
    changes = workspace.annotations.update(a.id, {"verdict": "accurate", "note": "TASS quote"})
    b = workspace.annotations.get_annotation(a.id)
    assert (b.verdict, b.note) == (Verdict.ACCURATE, "TASS quote")
    assert b.modified > a.modified and b.created == a.created
    assert changes.updated == {a.id} and changes.articles == {1}
    assert workspace.annotations.update(a.id, {"note": "TASS quote"}).empty


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"verdict": "true-ish"}, "unknown verdict|not a valid Verdict"),
        ({"kind": "rumour"}, "not a valid Kind"),
        ({"start": 3}, "cannot be edited: start"),
    ],
)
def test_a_bad_edit_is_refused_and_nothing_changes(workspace, values, message) -> None:  # noqa: ANN001
    a = tag(workspace, 1, "280,000 people")
    with pytest.raises(UserError, match=message):
        workspace.annotations.update(a.id, values)
    assert workspace.annotations.get_annotation(a.id) == a


def test_an_attribution_points_at_a_claim_or_figure_of_its_article(workspace: Workspace) -> None:
    figure = tag(workspace, 1, "about 280,000 people", Kind.FIGURE)
    who = tag(workspace, 1, "Dmitry Medvedev", Kind.ATTRIBUTION, speaker="Dmitry Medvedev")
    workspace.annotations.update(who.id, {"target_id": figure.id})
    assert workspace.annotations.get_annotation(who.id).target_id == figure.id

    other_article = tag(workspace, 2, "nearing 300,000", Kind.FIGURE)
    claim = tag(workspace, 1, "Russia wants to avoid unpopular general mobilization")
    cases = [
        (who.id, {"target_id": other_article.id}, "in its own article"),
        (who.id, {"target_id": who.id}, "cannot point at itself"),
        (claim.id, {"target_id": figure.id}, "Only an attribution"),
        (who.id, {"target_id": "no-such-id"}, "no longer exists"),
    ]
    second = tag(workspace, 1, "Medvedev was quoted", Kind.ATTRIBUTION)
    cases.append((second.id, {"target_id": who.id}, "only at a claim or a figure"))
    before = snapshot(workspace)
    for annotation_id, values, message in cases:
        with pytest.raises(UserError, match=message):
            workspace.annotations.update(annotation_id, values)
    assert snapshot(workspace) == before


def test_delete_unlinks_attributions_and_restore_puts_everything_back(workspace) -> None:  # noqa: ANN001
    figure = tag(workspace, 1, "about 280,000 people", Kind.FIGURE, verdict=Verdict.ACCURATE)
    who = tag(workspace, 1, "Dmitry Medvedev", Kind.ATTRIBUTION, target_id=figure.id)
    before = snapshot(workspace)
    removal, changes = workspace.annotations.delete(figure.id)
    assert changes.removed == {figure.id} and removal.unlinked == (who.id,)
    unlinked = workspace.annotations.get_annotation(who.id)
    assert unlinked.target_id is None and unlinked.modified > who.modified, "the unlink travels"
    with pytest.raises(NotFound):
        workspace.annotations.get_annotation(figure.id)
    workspace.annotations.restore(removal)
    after = snapshot(workspace)
    # everything back, each newer than the deletion (so a colleague's tombstone loses)
    assert [replace(a, modified=b.modified) for a, b in zip(after, before, strict=True)] == before
    assert all(a.modified > unlinked.modified - timedelta(seconds=1) for a in after)


def test_the_reviewer_defaults_to_the_os_user_and_can_be_changed(workspace: Workspace) -> None:
    from factcheck_gui.services.preferences import os_user_name

    assert workspace.preferences.reviewer == os_user_name()
    workspace.preferences.set_reviewer("  Ann   Example ")
    assert workspace.preferences.reviewer == "Ann Example"
    with pytest.raises(UserError, match="longer than 200"):
        workspace.preferences.set_reviewer("x" * 201)
    assert workspace.preferences.reviewer == "Ann Example"


def test_among_reads_the_named_annotations_still_in_the_named_articles(
    workspace: Workspace,
) -> None:
    kept = tag(workspace, 1, "at least 6 million", Kind.FIGURE)
    elsewhere = tag(workspace, 2, "at least 6 million", Kind.FIGURE)
    gone = tag(workspace, 1, "Tempo.co", Kind.ATTRIBUTION)
    workspace.annotations.delete(gone.id)
    ids = [kept.id, elsewhere.id, gone.id, "never-stored"]
    assert workspace.annotations.among(ids, [1]) == {kept.id: kept}
    assert workspace.annotations.among(ids, [1, 2]) == {kept.id: kept, elsewhere.id: elsewhere}
    assert workspace.annotations.among(ids, []) == {} == workspace.annotations.among([], [1])
    many = ids + [f"missing-{i}" for i in range(600)]  # beyond one query's ids: read by article
    assert workspace.annotations.among(many, [1]) == {kept.id: kept}
    articles = [1, *range(1000, 1600)]  # beyond one query's articles: picked afterwards
    assert workspace.annotations.among(ids, articles) == {kept.id: kept}
