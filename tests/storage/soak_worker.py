"""The process the soak test kills: it annotates, imports and merges, and prints a line for
each write the moment it has been committed (``ACK ...``)."""

from __future__ import annotations

import random
import sys
import tempfile
import uuid
from pathlib import Path

from factcheck_gui.domain.model import Kind, NewAnnotation
from factcheck_gui.services.importing import import_articles
from factcheck_gui.services.merging import merge_file
from factcheck_gui.services.workspace import open_workspace

BATCH_SIZE = 20


def main(data_dir: Path, annotation_set: Path, seed: int) -> None:
    rng = random.Random(seed)
    workspace = open_workspace(data_dir, sample_annotations=False)
    text = workspace.library.article(1).text
    scratch = Path(tempfile.mkdtemp(prefix="soak-"))
    while True:
        what = rng.choice(("tag", "tag", "tag", "import", "merge"))
        if what == "tag":
            start = rng.randrange(0, len(text) - 40)
            note = f"note-{uuid.uuid4()}"
            created, _ = workspace.annotations.create(
                NewAnnotation(1, start, start + rng.randrange(5, 40), Kind.CLAIM, "soak")
            )
            workspace.annotations.update(created.id, {"note": note})
            print(f"ACK tag {created.id} {note}", flush=True)
        elif what == "import":
            name = f"soak-{uuid.uuid4()}"
            folder = scratch / name
            folder.mkdir()
            for n in range(BATCH_SIZE):
                (folder / f"{n}.txt").write_text(f"{name} {n}\n\n" + f"{name} body {n}. " * 200)
            report = import_articles(workspace.library, [folder], batch_name=name)
            assert report.ok, report.lines()
            print(f"ACK import {name} {BATCH_SIZE}", flush=True)
        else:
            merge_file(workspace.db, annotation_set)
            print("ACK merge", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]))
