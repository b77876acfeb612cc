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
