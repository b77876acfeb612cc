"""Exporting annotation sets: choose a scope and a format, write the file whole or not at all."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TextIO

from sqlmodel import Session

from factcheck_gui.domain.cancel import CancelToken
from factcheck_gui.domain.errors import Cancelled, UserError
from factcheck_gui.domain.model import Annotation, Article
from factcheck_gui.domain.wording import count
from factcheck_gui.exporters import EXPORTERS, ExportFormat, ExportSet, format_for_path
from factcheck_gui.services.workspace import Workspace
from factcheck_gui.storage import repository as repo
from factcheck_gui.storage import streams


@dataclass(frozen=True)
class Scope:
    """Everything (the default), the articles of some batches, or some articles."""

    batches: tuple[str, ...] = ()
    article_ids: tuple[int, ...] = ()

    def describe(self) -> str:
        if self.article_ids:
            return count(len(self.article_ids), "selected article")
        if self.batches:
            return "batch " + ", ".join(f"“{b}”" for b in self.batches)
        return "everything"


@dataclass(frozen=True)
class ExportReport:
    path: Path
    format: str
    articles: int
    annotations: int
    cancelled: bool = False

    def summary(self) -> str:
        if self.cancelled:
            return f"Export cancelled; {self.path} was not written."
        return (
            f"Wrote {count(self.annotations, 'annotation')} on {count(self.articles, 'article')} "
            f"to {self.path} ({self.format})."
        )


def choose_format(path: Path, name: str | None) -> ExportFormat:
    if name:
        try:
            return EXPORTERS[name.lower()]
        except KeyError:
            known = ", ".join(EXPORTERS)
            raise UserError(f"unknown export format {name!r}; use one of: {known}") from None
    fmt = format_for_path(path.name)
    if fmt is None:
        raise UserError(
            f"cannot tell the format from the name {path.name!r}; add --format "
            f"({', '.join(EXPORTERS)}) or end the name in .json, .csv or .jsonld"
        )
    return fmt


@dataclass(frozen=True)
class _Publishing:
    """What Preferences add to an export, read before its read transaction begins."""

    organisation: str | None
    organisation_url: str | None
    review_url_pattern: str | None

    @classmethod
    def of(cls, workspace: Workspace) -> _Publishing:
        prefs = workspace.preferences
        return cls(prefs.organisation, prefs.organisation_url, prefs.review_url_pattern)


class DatabaseSource:
    """An ``ExportSource`` over one session: the scope's articles and annotations, read a
    batch at a time (see ``storage/streams``)."""

    def __init__(self, session: Session, scope: streams.ArticleScope) -> None:
        self._session, self._scope = session, scope

    def articles(self, *, with_text: bool) -> Iterator[Article]:
        return streams.articles(self._session, self._scope, with_text=with_text)

    def groups(self, only: streams.Only) -> Iterator[tuple[Article, list[Annotation]]]:
        return streams.annotation_groups(self._session, self._scope, only)

    def tombstones(self) -> Iterator[tuple[str, int, datetime]]:
        return streams.tombstones(self._session, self._scope)

    def speakers(self, claim_ids: Sequence[str]) -> dict[str, str]:
        return streams.speakers(self._session, self._scope, claim_ids)


def article_scope(session: Session, scope: Scope) -> streams.ArticleScope:
    """The scope as the storage layer reads it; a batch or article that is not there is
    refused, naming it."""
    batch_ids = None
    if scope.batches:
        by_name = {b.name: b.id for b in repo.batches(session)}
        missing = [b for b in scope.batches if b not in by_name]
        if missing:
            raise UserError(
                f"there is no batch named {missing[0]!r}; `factcheck list` shows the articles"
            )
        batch_ids = tuple(by_name[b] for b in scope.batches)
    ids = tuple(scope.article_ids) or None
    found = streams.ArticleScope(ids=ids, batch_ids=batch_ids)
    if ids is not None:
        known = streams.existing_ids(session, found)
        missing_ids = sorted(set(ids) - known)
        if missing_ids:
            raise UserError(f"there is no article {missing_ids[0]}; `factcheck list` shows them")
    return found


def export(
    workspace: Workspace,
    path: Path,
    *,
    format_name: str | None = None,
    scope: Scope = Scope(),
    include_text: bool = True,
    cancel: CancelToken | None = None,
) -> ExportReport:
    """Write the file whole or not at all; ``cancel`` is checked while writing and committed
    to right before the rename, so a cancelled export leaves no file (and no temporary).

    The articles and annotations are read in batches inside one read transaction while the
    file is written, so the file is one consistent state of the database."""
    fmt = choose_format(path, format_name)
    publishing = _Publishing.of(workspace)
    try:
        with workspace.db.transaction() as session:
            streams.snapshot(session)  # the counts and every batch: one state
            where = article_scope(session, scope)
            if fmt.name == "claimreview":
                check_review_urls(session, where, publishing.review_url_pattern)
            articles = streams.count_articles(session, where)
            annotations = streams.count_annotations(session, where)
            data = ExportSet(
                source=DatabaseSource(session, where),
                include_text=include_text,
                organisation=publishing.organisation,
                organisation_url=publishing.organisation_url,
                review_url_pattern=publishing.review_url_pattern,
                placed=streams.count_annotations(session, where, placed=True),
            )
            if cancel is not None:
                cancel.check()
            write_atomically(path, fmt, data, cancel=cancel)
    except Cancelled:
        return ExportReport(path, fmt.name, 0, 0, cancelled=True)
    return ExportReport(path, fmt.name, articles, annotations)


def check_review_urls(session: Session, scope: streams.ArticleScope, pattern: str | None) -> None:
    """A ClaimReview names the fact-check's own page; with no pattern in Preferences, each
    review needs a URL of its own, or the export is refused (nothing is written)."""
    if pattern:
        return
    missing = streams.count_annotations(session, scope, reviews=True)
    if missing:
        raise UserError(
            f"{missing} claim review{'s have' if missing != 1 else ' has'} no URL of "
            f"{'their' if missing != 1 else 'its'} own; set the fact-check URL pattern in "
            "Preferences (e.g. https://factcheck.example.org/reviews/{id}) or a review URL "
            "on each claim; nothing was written"
        )


class _CheckedWriter:
    """A text file that checks for Cancel at each write the exporter makes."""

    def __init__(self, out: TextIO, token: CancelToken) -> None:
        self._out = out
        self._token = token

    def write(self, text: str) -> int:
        self._token.check()
        return self._out.write(text)

    def __getattr__(self, name: str) -> object:  # csv and json need only write; the rest
        return getattr(self._out, name)


def check_target(path: Path) -> None:
    """Refuse, before anything is gathered, a target that cannot be written: no file name,
    a folder given as the file, a folder that is missing or takes no new files."""
    folder = _check_path(path)
    try:
        handle, probe = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".probe", dir=folder)
    except OSError as error:
        raise UserError(
            f"cannot write in {folder} ({error.strerror}); choose another folder"
        ) from None
    os.close(handle)
    os.unlink(probe)


def _check_path(path: Path) -> Path:
    """The folder ``path`` goes in, once the name is known to be a file's in a folder."""
    if not path.name:
        raise UserError("type the name of the file to export to")
    if path.is_dir():
        raise UserError(
            f"{path} is a folder; add a file name to it, such as {path / 'annotations.json'}"
        )
    folder = path.parent if str(path.parent) else Path(".")
    if folder.exists() and not folder.is_dir():
        raise UserError(f"{folder} is a file, not a folder; choose a folder to export to")
    if not folder.is_dir():
        raise UserError(f"the folder {folder} does not exist; create it or choose another")
    return folder


def write_atomically(
    path: Path, fmt: ExportFormat, data: ExportSet, *, cancel: CancelToken | None = None
) -> None:
    """Write beside the target and rename over it: a failed or cancelled export leaves no
    partial file. A new file gets the mode the umask allows (0666 less the umask, as any
    program's would); a file written over keeps its mode."""
    folder = _check_path(path)
    try:
        handle, temporary = _create_beside(path, folder)
    except OSError as error:
        raise UserError(
            f"cannot write in {folder} ({error.strerror}); choose another folder"
        ) from None
    try:
        with os.fdopen(handle, "w", encoding=fmt.encoding, newline=fmt.newline) as out:
            fmt.write(out if cancel is None else _CheckedWriter(out, cancel), data)  # type: ignore[arg-type]
        if cancel is not None:
            cancel.commit_or_raise()  # the point of no return: the rename
        os.replace(temporary, path)
    except OSError as error:
        raise UserError(f"cannot write {path} ({error.strerror})") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _create_beside(path: Path, folder: Path) -> tuple[int, Path]:
    """A new temporary file in ``folder``, opened for writing, with the mode ``path`` will
    have: created 0666 so the kernel applies the umask (mkstemp's 0600 would not), or set to
    the mode of the file it replaces."""
    try:
        keep: int | None = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        keep = None
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        temporary = folder / f".{path.name}.{secrets.token_hex(6)}.part"
        try:
            handle = os.open(temporary, flags, 0o666)
        except FileExistsError:
            continue
        if keep is not None:
            try:
                os.fchmod(handle, keep)
            except OSError:
                os.close(handle)
                os.unlink(temporary)
                raise
        return handle, temporary
    raise FileExistsError(17, "no free temporary name")
