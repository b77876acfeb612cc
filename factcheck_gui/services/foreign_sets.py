"""Finding the articles and words of a set that names its articles (W3C, our CSV).

An annotation's article is found by the text's SHA-256 when the file gives one, else by
its address (the newest stored version holding the quote), else (CSV only) by its title,
outlet and date when exactly one stored article of that title holds the quote. Its words
are found by ``domain.anchoring.place``: where they really are, word for word, with their
context; an annotation whose quote is not found is left out and reported, never placed
near its words. Nothing here writes.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlmodel import Session

from factcheck_gui.domain.anchoring import Anchor, Placement, QuoteSelector, place, select_quote
from factcheck_gui.importers.foreign_set import ArticleRef, ForeignAnnotation, ForeignSet, LeftOut
from factcheck_gui.importers.set_model import AnnotationSet, SetAnnotation, SetArticle
from factcheck_gui.storage import bulk
from factcheck_gui.storage import repository as repo

SURE = (Anchor.KEPT, Anchor.MOVED)  # word for word; a CHANGED placement is no match here


def resolve(
    session: Session, data: ForeignSet, check: Callable[[], None] = lambda: None
) -> tuple[AnnotationSet, list[LeftOut]]:
    """The annotations that can be placed, as a set on the stored articles (their ids as
    the file's article ids), and those left out; ``check`` is called now and then (the
    cancel token's)."""
    finder = _Finder(session, data.annotations)
    left_out = list(data.left_out)
    placed: list[SetAnnotation] = []
    for n, a in enumerate(data.annotations):
        if not n % 500:
            check()
        found = finder.place(a)
        if isinstance(found, LeftOut):
            left_out.append(found)
        else:
            placed.append(found)
    articles = [
        SetArticle(id_, finder.texts[id_][1], None, None, None, finder.texts[id_][2], None)
        for id_ in sorted({a.article for a in placed})
    ]
    left_out.sort(key=lambda item: item.at)  # as the file has them
    return AnnotationSet(3, articles, placed, [], data.exported), left_out


def _without_fragment(url: str) -> str:
    return url.split("#", 1)[0].rstrip("/")


class _Finder:
    def __init__(self, session: Session, annotations: list[ForeignAnnotation]) -> None:
        refs = [a.article for a in annotations]
        urls = {u for r in refs for u in r.urls}
        urls |= {_without_fragment(u) for u in urls} | {_without_fragment(u) + "/" for u in urls}
        self.by_hash = repo.ids_by_hash(session, sorted({h for r in refs for h in r.hashes}))
        self.by_url = bulk.articles_by_url(session, urls)
        titled = {r.title for r in refs if r.title and not r.hashes and not r.urls}
        self.by_title = bulk.articles_by_title(session, titled)
        self.homes = bulk.heads(session, [a.id for a in annotations])
        wanted = set(self.by_hash.values()) | {i for ids in self.by_url.values() for i in ids}
        wanted |= {row[0] for rows in self.by_title.values() for row in rows}
        self.texts = bulk.article_texts(session, wanted)

    def candidates(self, ref: ArticleRef) -> tuple[list[int], str, str]:
        """The stored articles ``ref`` may name, best first; how they were found ("text":
        by its hash, so the file's offsets are offsets of this very text; "url"; "title":
        the quote must pick exactly one); and why there is none."""
        hashed = [self.by_hash[h] for h in ref.hashes if h in self.by_hash]
        if hashed:
            return hashed, "text", ""
        for url in ref.urls:
            for variant in (url, _without_fragment(url), _without_fragment(url) + "/"):
                if variant in self.by_url:
                    return self.by_url[variant], "url", ""
        if ref.urls:
            return [], "url", f"no article with this URL: {ref.urls[0]}"
        if ref.hashes:
            return [], "text", f"no article with this text (SHA-256 {ref.hashes[0][:16]}…)"
        rows = [
            row[0]
            for row in self.by_title.get(ref.title or "", [])
            if (ref.outlet is None or row[1] == ref.outlet)
            and (ref.published is None or row[2] == ref.published)
        ]
        return rows, "title", "" if rows else f"no article titled '{_short(ref.title or '')}'"

    def spot(self, a: ForeignAnnotation, article_id: int, by: str) -> Placement:
        text = self.texts[article_id][0]
        start, end = a.start or 0, a.end or 0
        if by == "text" and 0 <= start < end <= len(text) and text[start:end] == a.quote:
            # the very text the file was made from, and the quote at its offsets: there it
            # is, even without context (a table keeps none) and inside a word ("s45,000")
            return Placement(start, end, Anchor.KEPT, select_quote(text, start, end))
        return place(text, QuoteSelector(a.quote, a.prefix, a.suffix), start, end)

    def place(self, a: ForeignAnnotation) -> SetAnnotation | LeftOut:
        candidates, by, why = self.candidates(a.article)
        detail = f"{a.id} “{_short(a.quote)}”"
        if not candidates:
            return LeftOut(a.where, why, detail, a.at)
        home = self.homes.get(a.id)
        if home is not None and home.article_id in candidates:
            candidates = [home.article_id]  # an id stays with its article
        hits: list[tuple[int, Placement]] = []
        for article_id in candidates:
            spot = self.spot(a, article_id, by)
            if spot.anchor in SURE:
                hits.append((article_id, spot))
                if by != "title":
                    break
        title = _short(self.texts[candidates[0]][1])
        if not hits:
            why = f"quote not found in '{title}'"
            if a.orphaned:
                why = f"an orphan in the file, and its quote is not in '{title}' either"
            return LeftOut(a.where, why, detail, a.at)
        if len(hits) > 1:
            why = f"several articles titled '{title}' hold the quote"
            return LeftOut(a.where, why, detail, a.at)
        article_id, spot = hits[0]
        return SetAnnotation(
            id=a.id,
            article=article_id,
            start=spot.start,
            end=spot.end,
            quote=spot.selector.exact,
            prefix=spot.selector.prefix,
            suffix=spot.selector.suffix,
            kind=a.kind,
            verdict=a.verdict,
            note=a.note,
            reviewer=a.reviewer,
            created=a.created,
            modified=a.modified,
            speaker=a.speaker,
            target=a.target,
            orphaned=False,
            figure=a.figure,
            changed_from=a.changed_from,
        )


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
