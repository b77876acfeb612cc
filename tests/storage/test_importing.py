"""Importing batches: reports, duplicates, versions, cancel and failure leave nothing behind."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from factcheck_gui.domain.cancel import CancelToken
from factcheck_gui.domain.model import Kind, NewAnnotation
from factcheck_gui.services import library as library_module
from factcheck_gui.services.importing import import_articles
from factcheck_gui.services.versions import carry_over
from factcheck_gui.services.workspace import Workspace


def state(ws: Workspace) -> tuple:
    return (
        [(b.batch.name, [a.id for a in b.articles]) for b in ws.library.batches()],
        [a for s in ws.library.summaries() for a in ws.annotations.for_article(s.id)],
    )


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    folder = tmp_path / "batch"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("First headline\n\nRussia recruited 280,000 people this year.")
    (folder / "sub" / "b.md").write_text("# Second\n\nAt least 6 million migrants.")
    (folder / "c.jsonl").write_text(
        '{"text": "Third text.", "url": "https://x.example/3"}\n{"text": "Fourth text."}\n'
    )
    (folder / "empty.txt").write_text("")
    (folder / "bad.csv").write_text("title\nno text column\n")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    return folder


def test_a_folder_becomes_one_batch_with_a_report(empty_workspace: Workspace, batch: Path) -> None:
    seen = []
    report = import_articles(
        empty_workspace.library,
        [batch],
        batch_name="September",
        progress=lambda done, total, name: seen.append((done, total)),
    )
    assert report.batch == "September"
    assert sorted(title for _, title in report.imported) == [
        "First headline",
        "Fourth text.",
        "Second",
        "Third text.",
    ]
    failed = {Path(f.name).name: f.reason for f in report.failed}
    assert failed["empty.txt"] == "the file is empty"
    assert "no 'text' column" in failed["bad.csv"]
    assert "binary file" in failed["photo.jpg"]
    assert not report.ok and seen[-1] == (6, 6)
    [stored] = empty_workspace.library.batches()
    assert stored.batch.name == "September" and len(stored.articles) == 4
    assert report.summary() == (
        "Imported 4 articles into batch “September”, 3 files could not be read."
    )


def test_importing_again_skips_what_is_stored(empty_workspace: Workspace, batch: Path) -> None:
    import_articles(empty_workspace.library, [batch])
    before = state(empty_workspace)
    again = import_articles(empty_workspace.library, [batch])
    assert again.imported == [] and again.batch is None
    assert {f.reason for f in again.skipped} == {"the same text is already stored"}
    assert state(empty_workspace) == before


class CancelAfter(CancelToken):
    """A token the user cancels at its ``checks``-th check, as a reviewer presses Cancel."""

    def __init__(self, checks: int) -> None:
        super().__init__()
        self.left = checks

    def check(self) -> None:
        self.left -= 1
        if self.left <= 0:
            self.cancel()
        super().check()


def test_cancel_while_reading_stores_nothing(workspace: Workspace, batch: Path) -> None:
    before = state(workspace)
    report = import_articles(workspace.library, [batch], cancel=CancelAfter(3))
    assert report.cancelled and report.summary() == "Import cancelled; nothing was stored."
    assert state(workspace) == before


def test_cancel_while_writing_rolls_back(workspace: Workspace, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(library_module, "INSERT_CHUNK", 2)
    lines = "".join(f'{{"text": "Article number {i}."}}\n' for i in range(10))
    (tmp_path / "many.jsonl").write_text(lines)
    before = state(workspace)
    token = CancelAfter(5)  # the reading checks twice; then the write's chunks
    report = import_articles(workspace.library, [tmp_path / "many.jsonl"], cancel=token)
    assert report.cancelled and token.left == 0
    assert state(workspace) == before


def test_cancel_after_the_commit_point_is_refused_and_the_import_stored(
    workspace: Workspace, batch: Path
) -> None:
    before = len(workspace.library.summaries())
    committed: list[bool] = []
    token = CancelToken(on_commit=lambda: committed.append(token.cancel()))
    report = import_articles(workspace.library, [batch], cancel=token)
    assert committed == [False], "Cancel is refused once the commit is under way"
    assert not report.cancelled and report.imported
    assert len(workspace.library.summaries()) == before + len(report.imported)


def test_a_failed_write_leaves_the_database_as_it_was(
    workspace: Workspace,
    batch: Path,
    monkeypatch,  # noqa: ANN001
) -> None:
    from factcheck_gui.storage import repository

    def broken(session, rows):  # noqa: ANN001, ANN202
        raise OSError("disk full")

    monkeypatch.setattr(repository, "insert_articles", broken)
    before = state(workspace)
    with pytest.raises(OSError):
        import_articles(workspace.library, [batch])
    assert state(workspace) == before


def test_a_zip_of_articles_imports_like_a_folder(
    empty_workspace: Workspace, tmp_path: Path
) -> None:
    archive = tmp_path / "articles.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("one.txt", "One\n\nSome text here.")
        z.writestr("two.json", '{"text": "Two body.", "title": "Two"}')
    report = import_articles(empty_workspace.library, [archive])
    assert sorted(t for _, t in report.imported) == ["One", "Two"] and report.ok


def test_a_new_version_is_linked_and_can_take_the_old_annotations(
    workspace: Workspace, tmp_path: Path
) -> None:
    old_text = (
        "Officials said Russia's military casualties are nearing 300,000, "
        "of which as many as 120,000 are deaths. Medvedev said 280,000 people joined."
    )
    (tmp_path / "v1.json").write_text(f'{{"text": "{old_text}", "url": "https://n.example/a"}}')
    first = import_articles(workspace.library, [tmp_path / "v1.json"])
    [old_id] = [s.id for s in workspace.library.summaries() if s.title.startswith("Officials")]
    for quote, kind in (
        ("nearing 300,000", Kind.FIGURE),
        ("Medvedev", Kind.ATTRIBUTION),
        ("120,000 are deaths", Kind.FIGURE),
    ):
        start = old_text.index(quote)
        workspace.annotations.create(NewAnnotation(old_id, start, start + len(quote), kind, "r"))
    new_text = "Update: " + old_text.replace("120,000 are deaths", "a third were killed")
    (tmp_path / "v2.json").write_text(f'{{"text": "{new_text}", "url": "https://n.example/a"}}')
    second = import_articles(workspace.library, [tmp_path / "v2.json"])
    assert first.ok and second.ok
    [(new_id, replaced)] = second.versions
    assert replaced == old_id
    assert workspace.library.article(new_id).replaces_id == old_id

    result = carry_over(workspace.db, new_id)
    assert (result.kept, result.moved, result.orphaned) == (0, 2, 1)
    copied = {a.quote: a for a in workspace.annotations.for_article(new_id)}
    for quote in ("nearing 300,000", "Medvedev"):
        a = copied[quote]
        assert new_text[a.start : a.end] == quote and not a.orphaned
    assert copied["120,000 are deaths"].orphaned
    assert len(workspace.annotations.for_article(old_id)) == 3, "the old version keeps its own"
