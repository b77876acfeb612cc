"""What a published review says and where: the claim's public rationale and review URL in
the editor, the organisation's address and the URL pattern in Preferences, and a
ClaimReview export refused from the window when no review has an address."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt

from factcheck_gui.domain.model import Kind
from factcheck_gui.services.exporting import Scope
from factcheck_gui.ui.dialogs import dialogs
from factcheck_gui.ui.exchange.export_dialog import ExportRequest
from tests.ui.conftest import stored, tag
from tests.ui.test_exchange_gui import run_and_wait

PATTERN = "https://factcheck.example.org/reviews/{id}"


def claim_of(window) -> object:  # noqa: ANN001
    return next(a for a in stored(window, 1) if a.kind is Kind.CLAIM)


def test_a_claim_gets_a_public_rationale_and_a_review_url(window, qtbot) -> None:  # noqa: ANN001
    view = window.panes.panes[0].view
    tag(qtbot, view, "at least 6 million", Qt.Key.Key_F)
    editor = window.annotations.editor
    assert not editor.rationale.isVisibleTo(editor), "a figure is not published as a review"
    tag(qtbot, view, "Tempo.co", Qt.Key.Key_C)
    assert editor.rationale.isVisibleTo(editor) and editor.review_url.isVisibleTo(editor)
    editor.rationale.setFocus()
    qtbot.keyClicks(editor.rationale, "The agency's own report says 5.2 million.")
    assert claim_of(window).rationale == "", "saved when the field is left"
    view.setFocus()
    assert claim_of(window).rationale == "The agency's own report says 5.2 million."
    assert claim_of(window).note == "", "the note is another field"
    assert window.context.undo_stack.undoText() == "Edit public rationale"

    editor.review_url.setFocus()
    qtbot.keyClicks(editor.review_url, "https://factcheck.example.org/2026/tempo")
    qtbot.keyClick(editor.review_url, Qt.Key.Key_Return)
    assert claim_of(window).review_url == "https://factcheck.example.org/2026/tempo"

    window.undo_action.trigger()
    assert claim_of(window).review_url is None
    window.undo_action.trigger()
    assert claim_of(window).rationale == ""
    assert editor.rationale.toPlainText() == ""


def test_a_bad_review_url_is_one_message_and_the_field_shows_what_is_stored(
    window,
    qtbot,  # noqa: ANN001
) -> None:
    view = window.panes.panes[0].view
    tag(qtbot, view, "Tempo.co", Qt.Key.Key_C)
    editor = window.annotations.editor
    editor.review_url.setFocus()
    qtbot.keyClicks(editor.review_url, "factcheck.example.org/tempo")
    qtbot.keyClick(editor.review_url, Qt.Key.Key_Return)
    assert window.statusBar().currentMessage() == (
        "Cannot edit: the review URL should be a web address starting with https://, "
        "not 'factcheck.example.org/tempo'."
    )
    assert claim_of(window).review_url is None
    assert editor.review_url.text() == ""


def test_choosing_another_annotation_by_key_keeps_the_rationale_typed(window, qtbot) -> None:  # noqa: ANN001
    view = window.panes.panes[0].view
    tag(qtbot, view, "Tempo.co", Qt.Key.Key_C)
    claim = claim_of(window)
    tag(qtbot, view, "at least 6 million", Qt.Key.Key_F)
    figure = next(a for a in stored(window, 1) if a.kind is Kind.FIGURE)
    editor = window.annotations.editor
    window.select_annotation(claim.id)
    editor.rationale.setPlainText("Typed, then another one chosen")
    window.select_annotation(figure.id)  # the text never lost the focus it did not have
    assert window.services.annotations.get_annotation(claim.id).rationale == (
        "Typed, then another one chosen"
    )


def test_preferences_store_the_organisation_url_and_the_pattern(
    window,
    qtbot,
    monkeypatch,  # noqa: ANN001
) -> None:
    asked = {}

    def answer(**kw: object) -> dialogs.PreferencesAnswer:
        asked.update(kw)
        return dialogs.PreferencesAnswer(
            "Ann", "Example Fact Check", 5, "https://factcheck.example.org/", PATTERN
        )

    monkeypatch.setattr(dialogs, "ask_preferences", answer)
    window.actions_.preferences.trigger()
    prefs = window.services.preferences
    assert (prefs.organisation_url, prefs.review_url_pattern) == (
        "https://factcheck.example.org/",
        PATTERN,
    )
    assert asked["review_url_pattern"] == "" and asked["organisation_url"] == ""
    window.actions_.preferences.trigger()
    assert asked["review_url_pattern"] == PATTERN, "shown again as stored"

    monkeypatch.setattr(
        dialogs,
        "ask_preferences",
        lambda **kw: dialogs.PreferencesAnswer("Bob", "Other", 7, "", "https://x.example/r/"),
    )
    window.actions_.preferences.trigger()
    assert (
        window.statusBar()
        .currentMessage()
        .startswith("Cannot save the preferences: the fact-check URL pattern needs {id}")
    )
    assert (prefs.reviewer, prefs.organisation, prefs.review_url_pattern) == (
        "Ann",
        "Example Fact Check",
        PATTERN,
    )


def test_a_claimreview_export_without_addresses_is_refused_in_one_message(
    window, qtbot, tmp_path: Path, monkeypatch
) -> None:  # noqa: ANN001
    view = window.panes.panes[0].view
    tag(qtbot, view, "Tempo.co", Qt.Key.Key_C)
    qtbot.keyClick(view, Qt.Key.Key_1)  # a verdict: the claim becomes a review
    warnings: list[str] = []
    target = tmp_path / "reviews.json"

    def ask_export(**kw: object) -> ExportRequest | None:
        if kw.get("error"):  # the dialog opens again as it was, with the reason in it
            warnings.append(str(kw["error"]))
            return None
        return ExportRequest(target, "claimreview", Scope(article_ids=(1,)), True)

    monkeypatch.setattr(dialogs, "ask_export", ask_export)
    run_and_wait(window, qtbot, window.actions_.export.trigger)
    qtbot.waitUntil(lambda: bool(warnings))
    assert warnings == [
        "1 claim review has no URL of its own; set the fact-check URL pattern in Preferences "
        "(e.g. https://factcheck.example.org/reviews/{id}) or a review URL on each claim; "
        "nothing was written"
    ]
    assert not target.exists()
    window.services.preferences.set_publishing(organisation_url="", review_url_pattern=PATTERN)
    run_and_wait(window, qtbot, window.actions_.export.trigger)
    [review] = json.loads(target.read_text(encoding="utf-8"))
    assert review["url"] == PATTERN.replace("{id}", claim_of(window).id)
