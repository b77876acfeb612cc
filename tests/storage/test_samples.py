from factcheck_gui.services.library import text_sha256
from factcheck_gui.services.samples import SAMPLE_BATCH_NAME, sample_files
from factcheck_gui.services.workspace import Workspace, open_workspace


def test_a_new_database_gets_the_sample_batch_once(workspace: Workspace) -> None:
    batches = workspace.library.batches()
    assert [b.batch.name for b in batches] == [SAMPLE_BATCH_NAME]
    assert len(batches[0].articles) == 5
    assert workspace.samples_loaded
    folder = workspace.data_dir
    workspace.close()
    again = open_workspace(folder)
    try:
        assert len(again.library.batches()) == 1
        assert not again.samples_loaded
    finally:
        again.close()


def test_sample_texts_are_stored_unchanged(workspace: Workspace) -> None:
    stored = {workspace.library.article(s.id).text for s in workspace.library.summaries()}
    files = {path.read_text(encoding="utf-8") for path in sample_files()}
    assert stored == files
    article = workspace.library.article(1)
    assert article.sha256 == text_sha256(article.text)


def test_no_samples_leaves_a_new_database_empty(empty_workspace: Workspace) -> None:
    assert empty_workspace.library.is_empty()


def test_a_text_already_stored_is_skipped(workspace: Workspace) -> None:
    from factcheck_gui.services.samples import load_samples

    added = load_samples(workspace.library)
    assert added.article_ids == ()
    assert len(added.duplicates) == 5
    assert len(workspace.library.summaries()) == 5


def test_a_first_start_brings_our_annotations_of_the_samples(data_dir) -> None:  # noqa: ANN001
    """The comparison has something to show at once: the casualty figures conflict; the
    migrants, the contract recruits and the target are consistent."""
    from factcheck_gui.services.comparison import compare
    from factcheck_gui.services.workspace import open_workspace

    ws = open_workspace(data_dir)
    try:
        groups = {g.measure.split(" (")[0].split(",")[0]: g for g in compare(ws.db)}
        casualties = groups["Russian military casualties since February 2022"]
        assert casualties.status == "conflict"
        assert {(f.quote, f.source) for f in casualties.figures} == {
            ("nearing 300,000", "US officials"),
            ("about 500,000 soldiers", "Western intelligence agencies"),
            ("millions of soldiers", None),
            ("264,660 fighters", "Ukraine's General Staff"),
        }
        for name, count in (
            ("Central Asian migrants in Russia", 4),
            ("People who joined Russia's army on contract in 2023", 5),
            ("Planned size of Russia's armed forces", 2),
        ):
            assert (groups[name].status, len(groups[name].figures)) == ("consistent", count)
        assert not [
            a
            for b in ws.library.batches()
            for s in b.articles
            for a in ws.annotations.for_article(s.id)
            if a.orphaned
        ]
    finally:
        ws.close()
    again = open_workspace(data_dir)  # not loaded twice
    try:
        assert sum(s.annotations for s in again.library.summaries()) == 38
    finally:
        again.close()
