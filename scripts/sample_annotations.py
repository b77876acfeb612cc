"""Write seeds/annotations.json: our own annotations of the five sample articles' figures,
with their measures and the attributions that name their sources.

Run from the checkout after changing the list below:  .venv/bin/python scripts/sample_annotations.py
The file is loaded with the sample batch on a first start (services/workspace.py).
"""

from __future__ import annotations

import json
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck_gui.domain.model import Kind, NewAnnotation, Verdict  # noqa: E402
from factcheck_gui.services.exporting import export  # noqa: E402
from factcheck_gui.services.workspace import open_memory_workspace  # noqa: E402

REVIEWER = "factcheck-gui samples"
STAMP = "2023-09-05T09:00:00+00:00"
CASUALTIES = "Russian military casualties since February 2022 (killed and wounded)"
MIGRANTS = "Central Asian migrants in Russia"
RECRUITS = "People who joined Russia's army on contract in 2023 (to early September)"
TARGET = "Planned size of Russia's armed forces"
MOBILISED = "Reservists called up in Russia's partial mobilisation, September 2022"
PAYMENT = "Initial payment offered to recruits in Kazakhstan and Armenia"
SALARY = "Starting monthly salary offered to recruits in Kazakhstan and Armenia"


@dataclass(frozen=True)
class Figure:
    article: int  # position in the sample batch (000 … 004)
    quote: str
    measure: str | None
    speaker: tuple[str, str] | None = None  # (span in the text after the figure, speaker)
    verdict: Verdict = Verdict.UNCHECKED
    note: str = ""
    after: str = ""  # find the figure after this text
    as_of: str | None = None


FIGURES = [
    # Casualties: the four counts cannot all be true.
    Figure(
        1,
        "nearing 300,000",
        CASUALTIES,
        ("US officials", "US officials"),
        Verdict.UNVERIFIABLE,
        "US officials' estimate as reported in August 2023; no official Russian count exists.",
    ),
    Figure(
        2,
        "about 500,000 soldiers",
        CASUALTIES,
        ("Western intelligence agencies and media", "Western intelligence agencies"),
        Verdict.UNVERIFIABLE,
        "No named source; other outlets that month reported about 300,000 (US officials).",
    ),
    Figure(
        2,
        "millions of soldiers",
        CASUALTIES,
        None,
        Verdict.INACCURATE,
        "No count supports “millions”: the estimates that month run from 264,660 "
        "(Ukraine's General Staff) to about 500,000.",
    ),
    Figure(
        3,
        "264,660 fighters",
        CASUALTIES,
        ("General Staff of Ukraine's Armed Forces", "Ukraine's General Staff"),
        Verdict.UNVERIFIABLE,
        "Ukraine's running total, published on Sunday 3 September 2023.",
        as_of="2023-09-03",
    ),
    # Migrants: at least six million, in three articles.
    Figure(
        0,
        "at least 6 million migrants",
        MIGRANTS,
        ("British Ministry of Defense", "UK Ministry of Defence"),
    ),
    Figure(
        1, "at least 6 million migrants", MIGRANTS, ("Defence Ministry", "UK Ministry of Defence")
    ),
    Figure(
        1,
        "upwards of six million Central Asian migrants",
        MIGRANTS,
        ("UK MoD", "UK Ministry of Defence"),
    ),
    Figure(
        3,
        "at least 6 million migrants",
        MIGRANTS,
        ("British Defense Ministry", "UK Ministry of Defence"),
    ),
    # Contract recruits: Medvedev's 280,000.
    Figure(0, "about 280,000 people", RECRUITS, ("Dmitry Medvedev", "Dmitry Medvedev")),
    Figure(
        0,
        "about 280,000 people",
        RECRUITS,
        ("Medvedev", "Dmitry Medvedev"),
        after="According to the Ministry of Defense",
    ),
    Figure(1, "some 280,000 people", RECRUITS, ("Dmitry Medvedev", "Dmitry Medvedev")),
    Figure(
        1,
        "280,000 people",
        RECRUITS,
        ("Medvedev", "Dmitry Medvedev"),
        after="According to data from",
    ),
    Figure(
        2,
        "280,000 people",
        RECRUITS,
        None,
        Verdict.UNCHECKED,
        "Medvedev's figure; this article dates it to “the last eight months”.",
    ),
    # The target of 1.5 million.
    Figure(0, "1.5 million", TARGET),
    Figure(2, "1.5 million", TARGET, ("President Vladimir Putin", "Vladimir Putin")),
    # The partial mobilisation of 2022.
    Figure(0, "300,000 reservists", MOBILISED),
    Figure(3, "around 300,000 military reservists", MOBILISED),
    # Money offered to recruits, in dollars; the rubles are not compared with them.
    Figure(1, "$5,140", PAYMENT),
    Figure(
        3,
        "more than $5,000",
        PAYMENT,
        ("British Defense Ministry", "UK Ministry of Defence"),
        after="more than $5,000",
    ),
    Figure(2, "Five thousand dollars", PAYMENT),
    Figure(
        1,
        "45,000 rubles",
        PAYMENT,
        None,
        Verdict.INACCURATE,
        "Garbled in the text (“s45,000”). At the rate the article's other pair implies "
        "(190,000 rubles = $1,973, 96.3 to the dollar), $5,140 is about 495,000 rubles.",
    ),
    Figure(1, "$1,973", SALARY),
    Figure(1, "190,000 rubles", SALARY),
    Figure(3, "just under $2,000", SALARY),
]

CLAIMS = [
    (
        2,
        "Russia has lost millions of soldiers in the Ukraine conflict",
        Verdict.INACCURATE,
        "See the casualty figures in the comparison: no estimate comes near millions.",
    ),
]


def stable_id(article: int, start: int, kind: Kind) -> str:
    """The same id each time the file is made, so a new version merges over the old."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"factcheck-gui/samples/{article}/{start}/{kind}"))


def nearest(text: str, span: str, position: int) -> int:
    """The occurrence of ``span`` closest to ``position``: the speaker of that figure."""
    found, at = [], text.find(span)
    while at >= 0:
        found.append(at)
        at = text.find(span, at + 1)
    return min(found, key=lambda a: abs(a - position))


def find(text: str, quote: str, after: str = "") -> int:
    start = text.index(after) if after else 0
    return text.index(quote, start)


def main() -> None:
    ws = open_memory_workspace(samples=True)
    articles = [a for b in ws.library.batches() for a in b.articles]
    for f in FIGURES:
        article = articles[f.article]
        text = ws.library.article(article.id).text
        start = find(text, f.quote, f.after)
        made, _ = ws.annotations.create(
            NewAnnotation(
                article.id,
                start,
                start + len(f.quote),
                Kind.FIGURE,
                REVIEWER,
                id=stable_id(f.article, start, Kind.FIGURE),
            )
        )
        values: dict[str, object] = {"verdict": f.verdict, "note": f.note}
        if f.measure:
            values["measure"] = f.measure
        if f.as_of:
            values["as_of"] = f.as_of
        ws.annotations.update(made.id, values)
        if f.speaker:
            span, speaker = f.speaker
            at = nearest(text, span, start)
            ws.annotations.create(
                NewAnnotation(
                    article.id,
                    at,
                    at + len(span),
                    Kind.ATTRIBUTION,
                    REVIEWER,
                    speaker=speaker,
                    target_id=made.id,
                    id=stable_id(f.article, at, Kind.ATTRIBUTION),
                )
            )
    for index, quote, verdict, note in CLAIMS:
        article = articles[index]
        text = ws.library.article(article.id).text
        start = find(text, quote)
        ws.annotations.create(
            NewAnnotation(
                article.id,
                start,
                start + len(quote),
                Kind.CLAIM,
                REVIEWER,
                verdict=verdict,
                note=note,
                id=stable_id(index, start, Kind.CLAIM),
            )
        )
    path = ROOT / "seeds" / "annotations.json"
    export(ws, path, include_text=False)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["exported"] = STAMP
    for record in data["annotations"]:
        record["created"] = record["modified"] = STAMP
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path}: {len(data['annotations'])} annotations")


if __name__ == "__main__":
    main()
