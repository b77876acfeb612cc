"""Cancel that cancels: before the point of no return nothing is stored (and no file is left);
after it, Cancel is refused, the dialog says so and the report is what really happened."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck_gui.domain.cancel import CancelToken
from factcheck_gui.services import exporting, merging
from factcheck_gui.services.exporting import Scope
from factcheck_gui.ui.common.jobs import TOO_LATE
from factcheck_gui.ui.dialogs import dialogs
from factcheck_gui.ui.exchange.export_dialog import ExportRequest
from tests.conftest import SEEDS

SAMPLE_SET = SEEDS / "annotations.json"  # 38 annotations on the sample articles


def rows(window) -> tuple[int, int]:  # noqa: ANN001
    """(articles, annotations) stored."""
    summaries = window.services.library.summaries()
    annotations = sum(len(window.services.annotations.for_article(s.id)) for s in summaries)
    return len(summaries), annotations


class Gate:
    """Holds the worker thread at one point until the test has pressed Cancel."""

    def __init__(self) -> None:
        self.reached = threading.Event()
        self.proceed = threading.Event()

    def wait_here(self) -> None:
        self.reached.set()
        assert self.proceed.wait(20), "the test never let the worker go on"


@pytest.fixture
def gate() -> Iterator[Gate]:
    held = Gate()
    yield held
    held.proceed.set()  # never leave a worker thread waiting when a test fails


@pytest.fixture
def reports(monkeypatch) -> list[str]:  # noqa: ANN001
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "report", lambda **kw: shown.append(kw["summary"]))
    monkeypatch.setattr(dialogs, "warn", lambda **kw: shown.append(f"warning: {kw['text']}"))
    monkeypatch.setattr(dialogs, "choose_annotation_set", lambda **kw: SAMPLE_SET)
    return shown


def cancel_at_gate(window, qtbot, gate: Gate, start) -> list[bool]:  # noqa: ANN001
    """Start the job, press Cancel while the worker waits at ``gate``, then let it go on."""
    answers: list[bool] = []
    with qtbot.waitSignal(window.exchange.jobEnded, timeout=60_000):
        start()
        qtbot.waitUntil(gate.reached.is_set, timeout=20_000)
        answers.append(window.exchange.job.cancel())
        gate.proceed.set()
    return answers


def test_cancel_during_a_merge_stores_nothing(window, qtbot, gate, reports, monkeypatch) -> None:  # noqa: ANN001
    real = merging.bulk.write_annotations

    def write_annotations(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        real(*args, **kwargs)
        gate.wait_here()  # every annotation of the set is written in the transaction

    monkeypatch.setattr(merging.bulk, "write_annotations", write_annotations)
    before = rows(window)
    assert cancel_at_gate(window, qtbot, gate, window.actions_.import_set.trigger) == [True]
    assert rows(window) == before
    assert reports == ["annotations.json: import cancelled; nothing was stored."]
    assert window.statusBar().currentMessage() == reports[0]


def test_cancel_after_the_commit_point_says_too_late_and_reports_the_outcome(
    window,
    qtbot,
    gate,
    reports,
    monkeypatch,  # noqa: ANN001
) -> None:
    real = CancelToken.commit

    def commit(token: CancelToken) -> bool:
        answer = real(token)
        gate.wait_here()  # past the point of no return, before the transaction commits
        return answer

    monkeypatch.setattr(CancelToken, "commit", commit)

    articles, annotations = rows(window)

    answers: list[bool] = []
    with qtbot.waitSignal(window.exchange.jobEnded, timeout=60_000):
        window.actions_.import_set.trigger()
        job = window.exchange.job
        qtbot.waitUntil(gate.reached.is_set, timeout=20_000)
        qtbot.waitUntil(lambda: job.dialog.labelText() == TOO_LATE)
        assert not job.cancel_button.isEnabled(), "Cancel is not offered once committing"
        answers.append(job.cancel())  # Esc, or closing the dialog, still asks
        assert job.dialog.labelText() == TOO_LATE
        assert job.dialog.isVisible(), "the dialog stays up to show the real outcome"
        gate.proceed.set()
    assert answers == [False]
    assert rows(window) == (articles, annotations + 38)
    assert reports[0].startswith("annotations.json: 38 added")


def test_cancel_during_an_export_leaves_no_file(window, qtbot, gate, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    target = tmp_path / "out" / "set.json"
    target.parent.mkdir()
    monkeypatch.setattr(
        dialogs, "ask_export", lambda **kw: ExportRequest(target, "json", Scope(), True)
    )
    real = exporting._CheckedWriter.write
    seen = {"n": 0}

    def write(self, text: str) -> int:  # noqa: ANN001
        seen["n"] += 1
        if seen["n"] == 5:  # the file is half written beside the target
            gate.wait_here()
        return real(self, text)

    monkeypatch.setattr(exporting._CheckedWriter, "write", write)
    assert cancel_at_gate(window, qtbot, gate, window.actions_.export.trigger) == [True]
    assert list(target.parent.iterdir()) == [], "no file and no temporary file"
    assert window.statusBar().currentMessage() == f"Export cancelled; {target} was not written."


def test_an_export_cancelled_while_writing_leaves_no_file(workspace, tmp_path: Path) -> None:  # noqa: ANN001
    class CancelAtTheThirdWrite(CancelToken):
        checks = 0

        def check(self) -> None:
            self.checks += 1
            if self.checks == 3:
                self.cancel()
            super().check()

    token = CancelAtTheThirdWrite()
    folder = tmp_path / "out"
    folder.mkdir()
    report = exporting.export(workspace, folder / "a.json", cancel=token)
    assert report.cancelled and token.checks == 3
    assert list(folder.iterdir()) == [], "no file and no temporary file"
