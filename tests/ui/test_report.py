"""The conflict report: what it holds (conflicts first, context, notes), self-contained
escaped HTML, a PDF with pages, and the `factcheck report` command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck_gui.cli import main
from factcheck_gui.domain.errors import UserError
from factcheck_gui.services.report import build_report
from factcheck_gui.services.workspace import open_workspace

HOSTILE = '<script>alert("x")</script> & <img src="http://example.com/x.png">'


@pytest.fixture
def workspace(data_dir: Path):  # noqa: ANN201
    ws = open_workspace(data_dir, sample_annotations=True)
    yield ws
    ws.close()


def test_the_report_holds_each_measure_conflicts_first(workspace) -> None:  # noqa: ANN001
    report = build_report(workspace.db)
    statuses = [m.group.status for m in report.measures]
    assert statuses[0] == "conflict" and "conflict" not in statuses[1:]
    first = report.measures[0]
    assert first.group.measure.startswith("Russian military casualties")
    assert first.units == "people"
    millions = next(f for f in first.figures if f.figure.quote == "millions of soldiers")
    assert millions.conflicting and millions.before.strip() and millions.after.strip()
    assert report.counts == {"conflict": 1, "consistent": 6, "single": 0}
    only = build_report(workspace.db, status="consistent")
    assert {m.group.status for m in only.measures} == {"consistent"}
    with pytest.raises(UserError, match="no batch named"):
        build_report(workspace.db, batch="nope")


def test_a_batch_filter_judges_only_its_own_figures(workspace) -> None:  # noqa: ANN001
    (batch,) = [b.batch.name for b in workspace.library.batches()]
    whole = build_report(workspace.db, batch=batch)
    assert [m.group for m in whole.measures] == [
        m.group for m in build_report(workspace.db).measures
    ]


def test_html_is_self_contained_and_escaped(workspace, qapp) -> None:  # noqa: ANN001
    pytest.importorskip("PySide6")
    from factcheck_gui.ui.exchange.report_render import report_html

    first = build_report(workspace.db).measures[0].figures[0].figure.annotation_id
    workspace.annotations.update(first, {"note": HOSTILE})
    html = report_html(build_report(workspace.db))
    assert "<script" not in html and '<img src="http' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img" in html
    sources = re.findall(r'(?:src|href)="([^"]*)"', html)
    assert sources and all(s.startswith("data:image/png;base64,") for s in sources)
    for outside in ("<link", "@import", "url(", "<iframe", "<object"):
        assert outside not in html  # nothing fetched from anywhere
    for needle in ("Newsweek", "264,660 fighters", "Unchecked", "Cannot both be true", "people"):
        assert needle in html


def test_the_command_writes_html_and_a_pdf_with_pages(
    data_dir: Path, tmp_path: Path, capsys
) -> None:  # noqa: ANN001
    open_workspace(data_dir, sample_annotations=True).close()
    html, pdf = tmp_path / "r.html", tmp_path / "r.pdf"
    assert main(["--data-dir", str(data_dir), "report", str(html), "--status", "conflict"]) == 0
    text = html.read_text(encoding="utf-8")
    assert text.count("<h2>") == 1 and "Russian military casualties" in text
    assert main(["--data-dir", str(data_dir), "report", str(pdf)]) == 0
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert pages >= 2
    assert "page" in capsys.readouterr().out
    assert main(["--data-dir", str(data_dir), "report", str(tmp_path / "r.txt")]) == 1


def test_file_menu_exports_the_report(window, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from factcheck_gui.ui.exchange import report_export

    target = tmp_path / "from-the-menu.pdf"
    asked: list[list[str]] = []

    def answer(*, parent, batches, folder):  # noqa: ANN001, ANN202
        asked.append(batches)
        return report_export.ReportRequest(target, None, None)

    monkeypatch.setattr(report_export, "ask_report", answer)
    action = window.report_export.action
    assert action in window.menuBar().actions()[0].menu().actions()
    action.trigger()
    assert asked and target.read_bytes().startswith(b"%PDF")
    assert "Wrote the conflict report" in window.statusBar().currentMessage()
    warned: list[str] = []
    monkeypatch.setattr(report_export.dialogs, "warn", lambda **kw: warned.append(kw["text"]))
    monkeypatch.setattr(
        report_export,
        "ask_report",
        lambda **_kw: report_export.ReportRequest(tmp_path / "nope" / "r.html", None, None),
    )
    assert window.report_export.export() is None and warned
