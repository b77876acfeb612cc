"""File menu work that leaves the window: importing batches and annotation sets, exporting."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from factcheck_gui.domain.cancel import CancelToken
from factcheck_gui.domain.changes import Changes
from factcheck_gui.domain.wording import count, number
from factcheck_gui.services.exporting import ExportReport, export
from factcheck_gui.services.importing import ImportReport, import_articles
from factcheck_gui.services.merging import MergeReport, merge_file
from factcheck_gui.services.versions import carry_over
from factcheck_gui.ui.common.context import AppContext
from factcheck_gui.ui.common.jobs import Job
from factcheck_gui.ui.dialogs import dialogs
from factcheck_gui.ui.exchange.export_dialog import ExportMemory, ExportRequest


class Exchange(QObject):
    """Starts one background job at a time and reports its outcome."""

    jobStarted = Signal(object)  # Job, for tests and the status bar
    jobEnded = Signal()

    def __init__(self, context: AppContext, window: QWidget, status: Callable[[str], None]):
        super().__init__(window)
        self._context = context
        self._window = window
        self._status = status
        self.job: Job | None = None
        self._then: Callable[[], None] | None = None  # what to do once the job has ended

    @property
    def busy(self) -> bool:
        return self.job is not None

    # -- importing articles ---------------------------------------------------------------
    def import_files(self) -> None:
        files = dialogs.choose_import_files(parent=self._window)
        if files:
            self.import_paths(files)

    def import_folder(self) -> None:
        folder = dialogs.choose_import_folder(parent=self._window)
        if folder is not None:
            self.import_paths([folder])

    def import_paths(self, paths: list[Path]) -> None:
        library = self._context.workspace.library

        def work(progress: Any, cancel: CancelToken) -> ImportReport:
            return import_articles(library, paths, progress=progress, cancel=cancel)

        self._start("Importing articles", work, self._imported)

    def _imported(self, report: ImportReport) -> None:
        self._context.notify(report.changes)  # the library reads its new rows itself
        self._status(report.summary())
        dialogs.report(
            parent=self._window,
            title="Import",
            summary=report.summary(),
            sections=report.sections(),
        )
        if report.versions and dialogs.confirm(
            parent=self._window, title="New versions", text=_carry_question(len(report.versions))
        ):
            lines: list[str] = []

            def carry() -> Changes:
                changes = Changes()
                for new_id, _old in report.versions:
                    result = carry_over(self._context.workspace.db, new_id)
                    changes = changes | result.changes
                    lines.append(result.summary())
                return changes

            if self._context.save("Carry annotations over", carry):
                self._context.fence("annotations were carried over to new versions")
                self._status(" ".join(lines))

    # -- annotation sets ------------------------------------------------------------------------
    def import_annotation_set(self) -> None:
        path = dialogs.choose_annotation_set(parent=self._window)
        if path is None:
            return
        db = self._context.workspace.db
        self._start(
            "Importing annotation set",
            lambda _progress, cancel: merge_file(db, path, cancel=cancel),
            self._merged,
        )

    def _merged(self, report: MergeReport) -> None:
        self._context.notify(report.changes)
        if not report.changes.empty:
            self._context.fence(f"the annotation set {report.source} was merged")
        self._status(report.summary())
        dialogs.report(
            parent=self._window,
            title="Annotation set",
            summary=report.summary(),
            sections=report.sections(),
        )

    def export(
        self,
        *,
        selected: list[int],
        again: ExportRequest | None = None,
        error: str | None = None,
    ) -> None:
        """Ask what to export where (the last format and folder chosen), then write it in
        the background; an export that fails opens the dialog again, as it was, with the
        reason in it."""
        workspace = self._context.workspace
        memory = ExportMemory()
        request = dialogs.ask_export(
            parent=self._window,
            batches=[b.batch.name for b in workspace.library.batches()],
            selected=selected,
            folder=memory.folder,
            format_name=memory.format_name,
            again=again,
            error=error,
        )
        if request is None:
            return
        memory.remember(request)

        def failed(message: str) -> None:
            self._status(message)
            # once the job has ended: the dialog again, as it was, with the reason in it
            self._then = lambda: self.export(selected=selected, again=request, error=message)

        def work(_progress: Any, cancel: CancelToken) -> ExportReport:
            return export(
                workspace,
                request.path,
                format_name=request.format_name,
                scope=request.scope,
                include_text=request.include_text,
                cancel=cancel,
            )

        self._start(
            "Exporting",
            work,
            lambda report: self._status(report.summary()),
            verb="Writing",
            failed=failed,
        )

    # -- running ---------------------------------------------------------------------------------
    def _start(
        self,
        title: str,
        work: Any,
        done: Callable[[Any], None],
        *,
        verb: str = "Reading",
        failed: Callable[[str], None] | None = None,
    ) -> None:
        if self.job is not None:
            self._status("Another import or export is still running; wait for it to finish.")
            return
        job = Job(self._window, title, work, verb=verb)
        job.succeeded.connect(done)
        job.failed.connect(failed or self._failed)
        job.ended.connect(self._ended)
        self.job = job
        self.jobStarted.emit(job)
        job.start()

    def _failed(self, message: str) -> None:
        self._status(message)
        dialogs.warn(parent=self._window, title="factcheck", text=message)

    def _ended(self) -> None:
        self.job = None
        self.jobEnded.emit()
        then, self._then = self._then, None
        if then is not None:
            QTimer.singleShot(0, then)


def _carry_question(n: int) -> str:
    versions = number(n, "a new version of a stored one", "new versions of stored ones")
    return (
        f"{count(n, 'imported article')} {number(n, 'is', 'are')} {versions}. Copy the old "
        f"{number(n, 'version’s', 'versions’')} annotations onto {number(n, 'it', 'them')} "
        "(re-anchored to the new text)?"
    )
