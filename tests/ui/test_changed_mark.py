"""The Annotations dock marks an annotation re-anchored where its words changed."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt

from factcheck_gui.domain.model import Annotation, Kind, Verdict
from factcheck_gui.ui.annotations.table import COLUMNS, AnnotationTableModel

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def annotation(id_: str, changed_from: str | None) -> Annotation:
    return Annotation(
        id_, 1, 10, 55, "the city spent 12 million US dollars on parks", "", "",
        Kind.CLAIM, Verdict.MISLEADING, "", "ana", NOW, NOW, changed_from=changed_from,
    )  # fmt: skip


def test_a_changed_text_is_marked_with_old_and_new_words(qtbot, qtmodeltester) -> None:  # noqa: ANN001
    model = AnnotationTableModel()
    model.set_rows(
        [annotation("a1", "the city spent 12 million dollars on parks"), annotation("a2", None)]
    )
    qtmodeltester.check(model)
    position = COLUMNS.index("Position")
    assert model.index(0, position).data() == "10–55 · text changed"
    assert model.index(1, position).data() == "10–55"
    tip = model.index(0, COLUMNS.index("Quote")).data(Qt.ItemDataRole.ToolTipRole)
    assert "text changed: “the city spent 12 million dollars on parks” → “the city spent 12 " in tip
    assert "set its verdict again" in tip
