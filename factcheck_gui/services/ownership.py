"""One owner of a data folder at a time: the window for its whole life, or a command that
writes while it runs.

The lock is an OS file lock (``filelock``: ``flock`` on Unix, ``msvcrt.locking`` on Windows)
on ``owner.lock`` in the data folder, so the OS lets go of it when its process dies, however
it dies: a lock left by a killed process never blocks the next start. Who holds it (pid,
``gui`` or ``cli``, the command) is written beside it in ``owner.json``, for the messages.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
from dataclasses import asdict, dataclass
from pathlib import Path
from types import TracebackType

from filelock import FileLock, Timeout

from factcheck_gui.domain.errors import UserError

LOCK_FILE = "owner.lock"
HOLDER_FILE = "owner.json"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Holder:
    pid: int
    role: str  # "gui" or "cli"
    command: str  # "gui", "import", "backup restore", ...
    host: str

    def describe(self) -> str:
        if self.role == "gui":
            return f"the factcheck window (pid {self.pid})"
        return f"the command `factcheck {self.command}` (pid {self.pid})"


class FolderBusy(UserError):
    """Another process owns the data folder; ``holder`` says who, when it could be read."""

    def __init__(self, folder: Path, holder: Holder | None) -> None:
        who = holder.describe() if holder else "another factcheck process"
        super().__init__(f"{who} has {folder} open; wait for it to finish, or close it first")
        self.folder = folder
        self.holder = holder


class FolderOwner:
    """``acquire`` to own ``folder`` (raises FolderBusy when another process does), ``release``
    when done; or use it as a context manager."""

    def __init__(self, folder: Path, *, role: str, command: str) -> None:
        self.folder = folder
        self.role = role
        self.command = command
        self._lock = FileLock(
            folder / LOCK_FILE, timeout=0, thread_local=False, fallback_to_soft=False
        )
        self.held = False

    def acquire(self) -> bool:
        """Own the folder: True once held; False when this file system cannot lock at all
        (then the work goes on unprotected, with a warning in the log)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._lock.acquire()
        except Timeout:
            raise FolderBusy(self.folder, self.holder()) from None
        except (OSError, NotImplementedError) as error:
            log.warning(
                "cannot lock %s (%s); another process may write at once", self.folder, error
            )
            return False
        self.held = True
        me = Holder(os.getpid(), self.role, self.command, socket.gethostname())
        self._write_holder(me)
        log.info("%s owns %s", me.describe(), self.folder)
        return True

    def release(self) -> None:
        if not self.held:
            return
        with contextlib.suppress(OSError):  # else the next owner overwrites it
            (self.folder / HOLDER_FILE).unlink(missing_ok=True)
        self._lock.release()
        self.held = False

    def holder(self) -> Holder | None:
        """Who wrote ``owner.json`` last (the current owner while the lock is held)."""
        try:
            fields = json.loads((self.folder / HOLDER_FILE).read_text(encoding="utf-8"))
            return Holder(
                int(fields["pid"]), str(fields["role"]), str(fields["command"]), str(fields["host"])
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _write_holder(self, holder: Holder) -> None:
        path = self.folder / HOLDER_FILE
        part = path.with_name(f"{HOLDER_FILE}.{os.getpid()}.part")
        try:
            part.write_text(json.dumps(asdict(holder)), encoding="utf-8")
            os.replace(part, path)
        except OSError as error:  # only the messages lose their detail
            log.warning("cannot write %s (%s)", path, error)

    def __enter__(self) -> FolderOwner:
        if not self.held:
            self.acquire()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def own_for_command(folder: Path, command: str, *, in_the_window: str) -> FolderOwner:
    """Own ``folder`` for a command that writes, or refuse with what to do instead:
    ``in_the_window`` says how to do the same from the window (``import from the window
    (File → Import…)``)."""
    owner = FolderOwner(folder, role="cli", command=command)
    try:
        owner.acquire()
    except FolderBusy as busy:
        if busy.holder is not None and busy.holder.role == "gui":
            raise UserError(
                f"the factcheck window has {folder} open; close it first, or {in_the_window}"
            ) from None
        who = busy.holder.describe() if busy.holder else "another factcheck process"
        raise UserError(
            f"{who} is writing to {folder}; wait for it to finish and try again"
        ) from None
    return owner
