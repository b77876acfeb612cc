"""Merges converge: ids stay with their article, wrong clocks are clamped, deletions travel
as tombstones, and two folders that merge each other's sets end with identical exports."""

from __future__ import annotations

import contextlib
import json
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck_gui.domain.errors import NotFound, UserError
from factcheck_gui.domain.model import ArticleDraft, Kind, NewAnnotation, Verdict
from factcheck_gui.services.exporting import export
from factcheck_gui.services.merging import merge_file
from factcheck_gui.services.workspace import Workspace, open_memory_workspace

TEXTS = [
    "KYIV (Reuters) - Russia's casualties are nearing 300,000, U.S. officials said on Friday. "
    "Of those, as many as 120,000 are deaths. Medvedev said 280,000 people joined the army.",
    "The city spent 12 million dollars on parks last year, the mayor said. British "
    "intelligence said Moscow has been avoiding recruiting more Russians for the war.",
]
QUOTES = [
    (0, "nearing 300,000", Kind.FIGURE),
    (0, "U.S. officials", Kind.ATTRIBUTION),
    (0, "as many as 120,000 are deaths", Kind.CLAIM),
    (0, "Medvedev", Kind.ATTRIBUTION),
    (1, "12 million dollars", Kind.FIGURE),
    (1, "the mayor", Kind.ATTRIBUTION),
    (1, "Moscow has been avoiding recruiting more Russians", Kind.CLAIM),
]


def folder() -> tuple[Workspace, list[int]]:
    ws = open_memory_workspace()
    ids = ws.library.add_batch("wire", [ArticleDraft(t, f"T{i}") for i, t in enumerate(TEXTS)])
    return ws, list(ids.article_ids)


def tag(ws: Workspace, article: int, quote: str, kind: Kind, reviewer: str = "ana") -> str:
    text = ws.library.article(article).text
    start = text.index(quote)
    return ws.annotations.create(NewAnnotation(article, start, start + len(quote), kind, reviewer))[
        0
    ].id


def everything(ws: Workspace) -> list:
    return [a for s in ws.library.summaries() for a in ws.annotations.for_article(s.id)]


def document(ws: Workspace, path: Path) -> dict:
    export(ws, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data.pop("exported")
    return data


def send(source: Workspace, target: Workspace, path: Path):  # noqa: ANN201
    export(source, path)
    return merge_file(target.db, path, backup=False)


def test_an_id_never_moves_an_annotation_between_articles(tmp_path: Path) -> None:
    ws, (first, second) = folder()
    claim = tag(ws, first, "nearing 300,000", Kind.FIGURE)
    out = tmp_path / "set.json"
    export(ws, out)
    data = json.loads(out.read_text())
    record = data["annotations"][0]
    text = TEXTS[1]
    start = text.index("12 million dollars")
    record.update(article=2, start=start, end=start + 18, quote="12 million dollars",
                  prefix=text[:start], suffix=text[start + 18 : start + 50],
                  modified="2030-01-01T00:00:00Z")  # fmt: skip
    out.write_text(json.dumps(data))
    before = everything(ws)
    report = merge_file(ws.db, out, backup=False)
    assert report.updated == report.added == 0
    [(what, why)] = report.failed
    assert what == f"annotation {claim}"
    assert "belongs to an annotation of another article here (article 1)" in why
    assert "never moves an annotation between articles" in why
    assert f"  failed    annotation {claim}: {why}" in report.lines()
    assert everything(ws) == before


def test_times_in_the_future_are_clamped_and_reported(tmp_path: Path) -> None:
    mine, _ = folder()
    theirs, (article, _) = folder()
    figure = tag(theirs, article, "nearing 300,000", Kind.FIGURE)
    out = tmp_path / "set.json"
    export(theirs, out)
    data = json.loads(out.read_text())
    data["annotations"][0].update(modified="2099-01-01T00:00:00Z", created="2098-01-01T00:00:00Z")
    out.write_text(json.dumps(data))
    report = merge_file(mine.db, out, backup=False)
    assert report.added == 1
    assert any(
        note.startswith(f"annotation {figure}: modified 2099-01-01T00:00:00Z is in the future")
        for note in report.clamped
    )
    assert any("created 2098-01-01T00:00:00Z is in the future" in n for n in report.clamped)
    assert any(line.startswith("  clamped   annotation") for line in report.lines())
    stored = mine.annotations.get_annotation(figure)
    exported = datetime.fromisoformat(data["exported"].replace("Z", "+00:00"))
    assert stored.modified == stored.created == exported, "taken as when the file was written"
    assert f"is in the future; taken as {data['exported']}" in report.clamped[0]
    # so a real edit made later here is not lost to the wrong clock at the next merge
    mine.annotations.update(figure, {"verdict": "accurate"})
    report = merge_file(mine.db, out, backup=False)
    assert report.updated == 0
    assert mine.annotations.get_annotation(figure).verdict is Verdict.ACCURATE


def test_a_deletion_unlinks_and_travels_and_is_not_undone_by_an_older_copy(
    tmp_path: Path,
) -> None:
    ana, (article, _) = folder()
    bob, _ = folder()
    figure = tag(ana, article, "nearing 300,000", Kind.FIGURE)
    who = tag(ana, article, "U.S. officials", Kind.ATTRIBUTION)
    ana.annotations.update(who, {"target_id": figure})
    send(ana, bob, tmp_path / "1.json")
    old_copy = tmp_path / "bob-before.json"
    export(bob, old_copy)
    linked = ana.annotations.get_annotation(who)

    ana.annotations.delete(figure)
    unlinked = ana.annotations.get_annotation(who)
    assert unlinked.target_id is None and unlinked.modified > linked.modified
    sent = document(ana, tmp_path / "2.json")
    assert [d["id"] for d in sent["deleted"]] == [figure] and sent["version"] == 4

    report = send(ana, bob, tmp_path / "2.json")
    assert report.deleted == 1 and report.summary().endswith("1 deleted.")
    assert figure in report.changes.removed and who in report.changes.updated
    with pytest.raises(Exception, match="no annotation"):
        bob.annotations.get_annotation(figure)
    assert bob.annotations.get_annotation(who).target_id is None

    report = merge_file(ana.db, old_copy, backup=False)  # bob's copy from before the deletion
    assert report.added == 0
    assert figure not in {a.id for a in everything(ana)}
    assert document(ana, tmp_path / "a.json") == document(bob, tmp_path / "b.json")


def test_an_edit_after_the_deletion_wins_everywhere(tmp_path: Path) -> None:
    ana, (article, _) = folder()
    bob, _ = folder()
    figure = tag(ana, article, "nearing 300,000", Kind.FIGURE)
    send(ana, bob, tmp_path / "1.json")
    ana.annotations.delete(figure)
    bob.annotations.update(figure, {"note": "checked after all"})  # later than the deletion
    send(ana, bob, tmp_path / "2.json")
    assert bob.annotations.get_annotation(figure).note == "checked after all"
    send(bob, ana, tmp_path / "3.json")
    assert ana.annotations.get_annotation(figure).note == "checked after all"
    a, b = document(ana, tmp_path / "a.json"), document(bob, tmp_path / "b.json")
    assert a == b and a["deleted"] == []


def test_an_undone_deletion_comes_back_everywhere(tmp_path: Path) -> None:
    ana, (article, _) = folder()
    bob, _ = folder()
    figure = tag(ana, article, "nearing 300,000", Kind.FIGURE)
    removal, _ = ana.annotations.delete(figure)
    send(ana, bob, tmp_path / "1.json")
    ana.annotations.restore(removal)
    send(ana, bob, tmp_path / "2.json")
    send(bob, ana, tmp_path / "3.json")
    assert figure in {a.id for a in everything(ana)} and figure in {a.id for a in everything(bob)}


@pytest.mark.parametrize("version", [1, 2, 3])
def test_versions_1_to_3_still_read(version: int, tmp_path: Path) -> None:
    ana, (article, _) = folder()
    tag(ana, article, "nearing 300,000", Kind.FIGURE)
    out = tmp_path / "old.json"
    export(ana, out)
    data = json.loads(out.read_text())
    data["version"] = version
    if version < 3:
        data.pop("deleted")
    if version == 1:
        for record in data["annotations"]:
            record.pop("figure", None)
    out.write_text(json.dumps(data))
    fresh, _ = folder()
    report = merge_file(fresh.db, out, backup=False)
    assert report.added == 1 and not report.failed


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["deleted"][0].update(deleted="yesterday"), r"deleted\[0\]\.deleted is not"),
        (lambda d: d["deleted"][0].update(article=9), r"deleted\[0\]\.article names article 9"),
        (lambda d: d["deleted"][0].update(id=""), r"deleted\[0\]\.id should be a UUID"),
        (lambda d: d.update(deleted={}), "'deleted' should be a list"),
        (
            lambda d: d["deleted"][0].update(id=d["annotations"][0]["id"]),
            "both in 'annotations' and in 'deleted'",
        ),
    ],
)
def test_a_bad_tombstone_is_refused_and_nothing_changes(mutate, message, tmp_path: Path) -> None:  # noqa: ANN001
    ana, (article, _) = folder()
    tag(ana, article, "nearing 300,000", Kind.FIGURE)
    gone = tag(ana, article, "Medvedev", Kind.ATTRIBUTION)
    ana.annotations.delete(gone)
    out = tmp_path / "set.json"
    export(ana, out)
    data = json.loads(out.read_text())
    mutate(data)
    out.write_text(json.dumps(data))
    bob, _ = folder()
    tag(bob, article, "U.S. officials", Kind.ATTRIBUTION, reviewer="bob")
    before = everything(bob)
    with pytest.raises(UserError, match=message):
        merge_file(bob.db, out, backup=False)
    assert everything(bob) == before


# -- two folders, any sequence of edits, deletions and merges both ways, end identical
STEP = st.tuples(
    st.sampled_from(["tag", "tag", "edit", "delete", "link", "undo", "merge"]),
    st.sampled_from([0, 1]),
    st.integers(0, 1000),
)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(steps=st.lists(STEP, min_size=1, max_size=14))
def test_two_folders_merging_both_ways_converge(tmp_path: Path, steps: list) -> None:  # noqa: ANN001
    folders = [folder(), folder()]
    removals: list[list] = [[], []]
    for n, (what, side, seed) in enumerate(steps):
        ws, ids = folders[side]
        mine = everything(ws)
        if what == "tag":
            index, quote, kind = QUOTES[seed % len(QUOTES)]
            tag(ws, ids[index], quote, kind, reviewer=f"r{side}")
        elif what == "edit" and mine:
            a = mine[seed % len(mine)]
            verdict = list(Verdict)[seed % len(Verdict)]
            ws.annotations.update(a.id, {"verdict": verdict, "note": f"{side}:{seed}"})
        elif what == "delete" and mine:
            removal, _ = ws.annotations.delete(mine[seed % len(mine)].id)
            removals[side].append(removal)
        elif what == "undo" and removals[side]:
            with contextlib.suppress(NotFound):  # a peer's deletion may have beaten it
                ws.annotations.restore(removals[side].pop())
        elif what == "link":
            people = [a for a in mine if a.kind is Kind.ATTRIBUTION]
            claims = [a for a in mine if a.kind is not Kind.ATTRIBUTION]
            pairs = [(p, c) for p in people for c in claims if p.article_id == c.article_id]
            if pairs:
                person, claim = pairs[seed % len(pairs)]
                ws.annotations.update(person.id, {"target_id": claim.id})
        elif what == "merge":
            send(ws, folders[1 - side][0], tmp_path / f"step{n}.json")
    (a, _), (b, _) = folders
    for n in range(2):
        send(a, b, tmp_path / f"final-ab{n}.json")
        send(b, a, tmp_path / f"final-ba{n}.json")
    assert document(a, tmp_path / "a.json") == document(b, tmp_path / "b.json")


def test_a_deletion_in_the_future_is_clamped_and_an_edit_here_after_it_wins(
    tmp_path: Path,
) -> None:
    ana, (article, _) = folder()
    bob, _ = folder()
    figure = tag(ana, article, "nearing 300,000", Kind.FIGURE)
    send(ana, bob, tmp_path / "1.json")
    ana.annotations.delete(figure)
    out = tmp_path / "2.json"
    export(ana, out)
    data = json.loads(out.read_text())
    data["deleted"][0]["deleted"] = "2099-01-01T00:00:00Z"
    out.write_text(json.dumps(data))
    report = merge_file(bob.db, out, backup=False)
    assert report.deleted == 1
    assert report.clamped == [
        f"deletion of {figure}: deleted 2099-01-01T00:00:00Z is in the future; "
        f"taken as {data['exported']}"
    ]
