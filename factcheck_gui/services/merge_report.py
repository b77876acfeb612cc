"""What a merge of an annotation set did, for the CLI (lines) and the window (sections):
problems with their reasons first."""

from __future__ import annotations

from dataclasses import dataclass, field

from factcheck_gui.domain.changes import Changes
from factcheck_gui.domain.outcome import Section, ordered
from factcheck_gui.domain.wording import count, number
from factcheck_gui.importers.foreign_set import LeftOut


@dataclass
class MergeReport:
    source: str
    articles_matched: int = 0
    articles_added: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0  # ours is as new or newer
    reanchored: int = 0
    orphaned: list[tuple[str, str]] = field(default_factory=list)  # (id, quote)
    changed: list[tuple[str, str, str]] = field(default_factory=list)  # (id, old, new quote)
    deleted: int = 0  # deleted here because the colleague deleted them
    clamped: list[str] = field(default_factory=list)  # times in the future, and as what
    failed: list[tuple[str, str]] = field(default_factory=list)  # (what, why)
    left_out: list[LeftOut] = field(default_factory=list)  # could not be placed here
    notes: list[str] = field(default_factory=list)  # read from the file but not used
    cancelled: bool = False
    changes: Changes = field(default_factory=Changes)

    def summary(self) -> str:
        if self.cancelled:
            return f"{self.source}: import cancelled; nothing was stored."
        text = (
            f"{self.source}: {self.added} added, {self.updated} updated, "
            f"{self.reanchored} re-anchored, {len(self.orphaned)} orphaned, "
            f"{self.unchanged} unchanged; articles: {self.articles_matched} matched, "
            f"{self.articles_added} added." + (f" {self.deleted} deleted." if self.deleted else "")
        )
        return text + (f" {self.left_out_summary()}." if self.left_out else "")

    def left_out_summary(self) -> str:
        """ "6 annotations left out: 3: no article with this URL: https://…; 1: quote not
        found in 'Title'; 2: selector without a quote", reasons in the file's order (one
        reason: "2 annotations left out: selector without a quote")."""
        counts: dict[str, int] = {}
        for item in self.left_out:
            counts[item.reason] = counts.get(item.reason, 0) + 1
        total = len(self.left_out)
        head = f"{total} annotation{'s' * (total != 1)} left out: "
        if len(counts) == 1:
            return head + next(iter(counts))
        return head + "; ".join(f"{n}: {reason}" for reason, n in counts.items())

    def lines(self) -> list[str]:
        """The summary, then what failed or was left out, orphaned, changed or clamped."""
        out = [self.summary()]
        if self.cancelled:
            return out
        out += [f"  failed    {what}: {why}" for what, why in self.failed]
        out += [
            f"  left out  {item.where}: {item.reason}" + (f"; {item.detail}" if item.detail else "")
            for item in self.left_out
        ]
        out += [
            f"  orphaned  {i}: “{short(q)}” not found; listed for review" for i, q in self.orphaned
        ]
        out += [
            f"  text changed  {i}: “{short(old)}” → “{short(new)}”; check its verdict"
            for i, old, new in self.changed
        ]
        out += [f"  clamped   {note}" for note in self.clamped]
        out += [f"  note      {note}" for note in self.notes]
        return out

    def sections(self) -> tuple[Section, ...]:
        """The report for the window: problems with their reasons first, then what merged."""
        if self.cancelled:
            return ()
        orphans, changed = len(self.orphaned), len(self.changed)
        merged = [
            f"{count(self.added, 'annotation')} added, {self.updated} updated "
            f"({self.reanchored} re-anchored), {self.unchanged} unchanged (ours as new or newer)",
            f"{count(self.articles_matched, 'article')} matched by text, "
            f"{self.articles_added} added",
        ]
        if self.deleted:
            merged.append(f"{count(self.deleted, 'annotation')} deleted, as the colleague had")
        merged += self.notes
        return ordered(
            [
                Section(
                    f"{len(self.failed)} could not be merged",
                    tuple(f"{what}: {why}" for what, why in self.failed),
                    problem=True,
                ),
                Section(
                    f"{count(len(self.left_out), 'annotation')} left out",
                    tuple(
                        f"{item.where}: {item.reason}" + (f"; {item.detail}" if item.detail else "")
                        for item in self.left_out
                    ),
                    problem=True,
                ),
                Section(
                    f"{count(orphans, 'annotation')} orphaned: {number(orphans, 'its', 'their')} "
                    "quote is not in the text (kept, listed for review)",
                    tuple(f"{i}: “{short(q)}” not found" for i, q in self.orphaned),
                    problem=True,
                ),
                Section(
                    f"{count(changed, 'annotation')} on changed text: check "
                    f"{number(changed, 'its verdict', 'their verdicts')}",
                    tuple(f"{i}: “{short(o)}” → “{short(n)}”" for i, o, n in self.changed),
                    problem=True,
                ),
                Section(
                    f"{count(len(self.clamped), 'time')} in the future, moved back",
                    tuple(self.clamped),
                    problem=True,
                ),
                Section(f"Merged from {self.source}", tuple(merged)),
            ]
        )


def short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
