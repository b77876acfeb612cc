"""Importing a batch of article files: read, parse, then store all in one transaction.

Reading and parsing happen first, file by file, with progress and a way to cancel;
nothing is written until every file has been read, and then everything is written in
one transaction, so a cancelled or failed import leaves the database as it was.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from factcheck_gui.domain.cancel import CancelToken
from factcheck_gui.domain.changes import Changes
from factcheck_gui.domain.errors import Cancelled
from factcheck_gui.domain.model import ArticleDraft
from factcheck_gui.domain.outcome import Section, ordered
from factcheck_gui.domain.wording import count, number
from factcheck_gui.importers import format_for
from factcheck_gui.importers.decode import decode
from factcheck_gui.importers.errors import ImportProblem
from factcheck_gui.importers.sources import Failure, collect
from factcheck_gui.services.library import LibraryService

_log = logging.getLogger(__name__)

MAPPINGS_SHOWN = 3  # records of one file named their fields in this many ways, at most

Progress = Callable[[int, int, str], None]  # files done, files in all, the current file


def _quiet(_done: int, _total: int, _current: str) -> None:
    return None


@dataclass
class ImportReport:
    batch: str | None = None  # the batch made, None when nothing new was stored
    imported: list[tuple[str, str]] = field(default_factory=list)  # (file, title)
    skipped: list[Failure] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    versions: list[tuple[int, int]] = field(default_factory=list)  # (new id, replaced id)
    # what was read with a doubt (a date left out) and which field became which, per file
    warnings: list[Failure] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)  # (file, "text ← maintext")
    cancelled: bool = False
    changes: Changes = field(default_factory=Changes)

    @property
    def ok(self) -> bool:
        return not self.failed and not self.cancelled

    def summary(self) -> str:
        if self.cancelled:
            return "Import cancelled; nothing was stored."
        where = f" into batch “{self.batch}”" if self.batch else ""
        parts = [f"Imported {count(len(self.imported), 'article')}{where}"]
        if self.failed:
            parts.append(f"{count(len(self.failed), 'file')} could not be read")
        if self.skipped:
            parts.append(f"{count(len(self.skipped), 'duplicate')} left out")
        if self.versions:
            parts.append(count(len(self.versions), "new version"))
        if self.warnings:
            parts.append(count(len(self.warnings), "warning"))
        return ", ".join(parts) + "."

    def lines(self) -> list[str]:
        """The whole report: what failed (and why), was skipped (and why) or read with a
        doubt first, then what was imported."""
        out = [self.summary()]
        if self.cancelled:
            return out
        out += [f"  failed    {f.name}: {f.reason}" for f in self.failed]
        out += [f"  skipped   {f.name}: {f.reason}" for f in self.skipped]
        out += [f"  warning   {f.name}: {f.reason}" for f in self.warnings]
        out += [f"  imported  {name}: {title}" for name, title in self.imported]
        out += [f"  version   article {new} replaces article {old}" for new, old in self.versions]
        out += [f"  fields    {name}: {mapping}" for name, mapping in self.fields]
        return out

    def sections(self) -> tuple[Section, ...]:
        """The report for the window: problems with their reasons first, then successes."""
        if self.cancelled:
            return ()
        failed, skipped, doubts = len(self.failed), len(self.skipped), len(self.warnings)
        new = len(self.versions)
        where = f" into batch “{self.batch}”" if self.batch else ""
        return ordered(
            [
                Section(
                    f"{count(failed, 'file')} could not be imported",
                    tuple(f"{f.name}: {f.reason}" for f in self.failed),
                    problem=True,
                ),
                Section(
                    f"{count(skipped, 'article')} left out as "
                    f"{number(skipped, 'a duplicate', 'duplicates')}",
                    tuple(f"{f.name}: {f.reason}" for f in self.skipped),
                    problem=True,
                ),
                Section(
                    f"{count(doubts, 'warning')}: imported, but check "
                    f"{number(doubts, 'it', 'them')}",
                    tuple(f"{f.name}: {f.reason}" for f in self.warnings),
                    problem=True,
                ),
                Section(
                    f"Imported {count(len(self.imported), 'article')}{where}",
                    tuple(f"{name}: {title}" for name, title in self.imported),
                ),
                Section(
                    f"{count(new, 'new version')} of "
                    f"{number(new, 'a stored article', 'stored articles')}",
                    tuple(f"article {n} replaces article {o}" for n, o in self.versions),
                ),
                Section(
                    "Fields read from records",
                    tuple(f"{name}: {mapping}" for name, mapping in self.fields),
                ),
            ]
        )


def default_batch_name(paths: list[Path]) -> str:
    stamp = datetime.now().strftime("%Y-%m-%d %H:%M")
    if len(paths) == 1:
        return f"{paths[0].name or paths[0]} ({stamp})"
    return f"Import of {stamp}"


def import_articles(
    library: LibraryService,
    paths: Iterable[Path],
    *,
    batch_name: str | None = None,
    progress: Progress = _quiet,
    cancel: CancelToken | None = None,
) -> ImportReport:
    """Read every file, then store them as one batch; ``cancel`` (checked between files and
    before the commit) makes it store nothing and report so."""
    paths = list(paths)
    token = cancel if cancel is not None else CancelToken()
    report = ImportReport()
    drafts: list[ArticleDraft] = []
    try:
        with collect(paths) as sources:
            report.failed.extend(sources.failures)
            total = len(sources.files)
            for done, source in enumerate(sources.files):
                token.check()
                progress(done, total, source.name)
                try:
                    read = read_source(source.name, source.read())
                    drafts.extend(read)
                    _note(report, source.name, read)
                except ImportProblem as problem:
                    report.failed.append(Failure(source.name, str(problem)))
                except Exception as error:  # a reader's bug must cost this file only
                    _log.exception("reading %s failed", source.name)
                    report.failed.append(Failure(source.name, _internal_error(error)))
            progress(total, total, "")
        token.check()
        added = library.add_batch(batch_name or default_batch_name(paths), drafts, cancel=token)
    except Cancelled:
        return ImportReport(cancelled=True)
    report.batch = added.batch.name if added.batch else None
    report.imported = list(added.titles)
    report.skipped = [Failure(name, reason) for name, reason in added.duplicates]
    report.versions = list(added.versions)
    report.changes = added.changes
    return report


def read_source(name: str, data: bytes) -> list[ArticleDraft]:
    """One file's drafts, or ImportProblem saying why none can be taken from it."""
    text = decode(data)
    try:
        return format_for(name, text).read(text, name)
    except RecursionError:
        raise ImportProblem(
            "the file is nested too deeply to read (thousands of levels of brackets or tags)"
        ) from None


def _note(report: ImportReport, name: str, drafts: list[ArticleDraft]) -> None:
    """The report's lines on one file: which field became which, and its warnings."""
    mappings = list(dict.fromkeys(d.fields for d in drafts if d.fields))
    if mappings:
        shown = [", ".join(f"{to} ← {of}" for to, of in m) for m in mappings[:MAPPINGS_SHOWN]]
        more = len(mappings) - MAPPINGS_SHOWN
        report.fields.append((name, "; ".join(shown) + (f"; {more} more" if more > 0 else "")))
    report.warnings.extend(Failure(name, w) for d in drafts for w in d.warnings)


def _internal_error(error: Exception) -> str:
    message = " ".join(str(error).split())[:120]
    detail = f"{type(error).__name__}: {message}" if message else type(error).__name__
    return (
        f"could not be read: internal error ({detail}); the other files were imported, "
        "and the details are in the log"
    )
