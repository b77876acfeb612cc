"""The re-anchoring scenarios (tests/unit/test_anchoring.py): edits that real news updates
make to wire copy, each with the quote tagged before and where (if anywhere) it belongs after."""

from __future__ import annotations

from dataclasses import dataclass

LEAD = (
    "KYIV, Sept 4 (Reuters) - Russia's military casualties in Ukraine are nearing 300,000, "
    "U.S. officials said on Friday. Of those, as many as 120,000 are deaths, they said."
)
PARKS = (
    "The fund now has 3 million members. Officials said the city spent 12 million dollars "
    "on parks last year, up from 9 million."
)
SHOIGU = (
    "Defence Minister Sergei Shoigu said 280,000 people had signed contracts with the army "
    "this year. “We will not stop recruiting,” Shoigu told officers on Tuesday."
)
MOSCOW = (
    "Moscow has been avoiding recruiting more Russians for the war, British intelligence "
    "said. Three people were killed in the attack on Kharkiv, the governor said."
)
TAIL = "Reporting by Olena Harmash; Editing by Mark Heinrich"


@dataclass(frozen=True)
class Case:
    name: str
    old: str
    quote: str
    new: str
    placed: str | None  # the words at the new place, or None: orphaned
    nth: int = 0  # which occurrence of the quote in the old text is annotated
    at: int = 0  # which occurrence of ``placed`` in the new text it must land on


def story(*parts: str) -> str:
    return "\n\n".join(parts)


OLD = story(LEAD, PARKS, SHOIGU, MOSCOW, TAIL)
CLAIM = "the city spent 12 million dollars on parks"
DEATHS = "as many as 120,000 are deaths"

CASES = [
    # -- the two misplacements of the issue
    Case(
        "3 million deleted; 12 million stays",
        OLD,
        "3 million",
        OLD.replace("The fund now has 3 million members. ", ""),
        None,
    ),
    Case(
        "sentence gained 'US'",
        OLD,
        CLAIM,
        OLD.replace("12 million dollars", "12 million US dollars"),
        "the city spent 12 million US dollars on parks",
    ),
    # -- numbers revised: never placed on the other number
    Case(
        "casualties revised up",
        OLD,
        "nearing 300,000",
        OLD.replace("nearing 300,000", "nearing 320,000"),
        None,
    ),
    Case(
        "revised inside a long claim",
        OLD,
        "Russia's military casualties in Ukraine are nearing 300,000",
        OLD.replace("300,000", "320,000"),
        None,
    ),
    Case(
        "number word revised",
        OLD,
        "Three people were killed in the attack on Kharkiv",
        OLD.replace("Three people", "Four people"),
        None,
    ),
    Case("deaths revised", OLD, DEATHS, OLD.replace("120,000 are", "130,000 are"), None),
    Case(
        "120,000 now inside 1,120,000",
        OLD,
        "120,000",
        OLD.replace("as many as 120,000", "as many as 1,120,000"),
        None,
    ),
    Case(
        "300,000 became 300,000,000 (typo)",
        OLD,
        "300,000",
        OLD.replace("300,000", "300,000,000"),
        None,
    ),
    Case(
        "9 million became 9.5 million",
        OLD,
        "9 million",
        OLD.replace("9 million", "9.5 million"),
        None,
    ),
    Case(
        "12 million became 12 billion",
        OLD,
        "12 million",
        OLD.replace("12 million", "12 billion"),
        None,
    ),
    Case(
        "digits became words",
        OLD,
        "3 million members",
        OLD.replace("3 million members", "three million members"),
        None,
    ),
    Case(
        "thousands separator changed style",
        "About 1\u202f000 people fled.",
        "1\u202f000 people",
        "About 1,000 people fled.",
        None,
    ),
    Case(
        "number moved inside the sentence: flagged",
        OLD,
        "Shoigu said 280,000 people had signed contracts with the army this year",
        OLD.replace(
            "said 280,000 people had signed contracts with the army this year",
            "said people had signed 280,000 contracts with the army this year",
        ),
        "Shoigu said people had signed 280,000 contracts with the army this year",
    ),
    Case(
        "percent revised",
        "Prices rose 4% in May, the bank said.",
        "4%",
        "Prices rose 4.5% in May, the bank said.",
        None,
    ),
    # -- word edges: never a piece of another word
    Case(
        "Russia now only inside Russian",
        "Russia said on Friday it would respond.",
        "Russia",
        "Russian officials said on Friday it would respond.",
        None,
    ),
    Case(
        "million now inside millions",
        "It cost 5 million, he said.",
        "million",
        "It cost 5 millions, he said.",
        None,
    ),
    Case(
        "US became U.S. (style change, short quote)",
        "US officials said on Friday.",
        "US officials said",
        "U.S. officials said on Friday.",
        None,
    ),
    # -- unchanged words found again exactly
    Case("nothing changed", OLD, "nearing 300,000", OLD, "nearing 300,000"),
    Case(
        "new lead paragraph",
        OLD,
        "nearing 300,000",
        story("UPDATE 2-Adds Kremlin comment.", OLD),
        "nearing 300,000",
    ),
    Case(
        "dateline changed",
        OLD,
        "U.S. officials",
        OLD.replace("KYIV, Sept 4", "KYIV/WASHINGTON, Sept 5"),
        "U.S. officials",
    ),
    Case("emoji headline prepended", OLD, "280,000 people", "🇺🇦 Live: " + OLD, "280,000 people"),
    Case(
        "paragraphs swapped, long claim",
        OLD,
        CLAIM,
        story(LEAD, SHOIGU, PARKS, MOSCOW, TAIL),
        CLAIM,
    ),
    Case(
        "paragraphs swapped, short quote",
        OLD,
        "British intelligence",
        story(MOSCOW, LEAD, PARKS, SHOIGU, TAIL),
        "British intelligence",
    ),
    Case(
        "whole sentence moved to the top",
        OLD,
        "Moscow has been avoiding recruiting more Russians for the war",
        story(
            "Moscow has been avoiding recruiting more Russians for the war, Britain says.",
            LEAD,
            PARKS,
            SHOIGU,
            TAIL,
        ),
        "Moscow has been avoiding recruiting more Russians for the war",
    ),
    Case(
        "quote at the very start, lead added",
        OLD,
        "KYIV, Sept 4 (Reuters)",
        "By Tom Balmforth\n\n" + OLD,
        "KYIV, Sept 4 (Reuters)",
    ),
    Case(
        "quote at the very end, text appended",
        OLD,
        "Editing by Mark Heinrich",
        OLD + "\n\nOur Standards: The Thomson Reuters Trust Principles.",
        "Editing by Mark Heinrich",
    ),
    Case(
        "line reflowed",
        "He said the army\nwould keep recruiting all year.",
        "the army\nwould keep recruiting all year",
        "He said the army would keep recruiting all year.",
        "the army would keep recruiting all year",
    ),
    Case(
        "paragraph after it cut",
        OLD,
        "Shoigu told officers on Tuesday",
        story(LEAD, SHOIGU),
        "Shoigu told officers on Tuesday",
    ),
    # -- duplicated quotes: decided by context, then by position
    Case(
        "quote repeated in a recap, context decides",
        OLD,
        "280,000 people",
        OLD + "\n\nIn all, 280,000 people joined, the ministry says.",
        "280,000 people",
    ),
    Case(
        "recap first, context still decides",
        OLD,
        "280,000 people",
        "In all, 280,000 people joined, the ministry says.\n\n" + OLD,
        "280,000 people",
        at=1,
    ),
    Case(
        "paragraph duplicated by the wire, position decides",
        OLD,
        "British intelligence",
        story(LEAD, PARKS, SHOIGU, MOSCOW, MOSCOW, TAIL),
        "British intelligence",
    ),
    Case(
        "second of two identical, position decides",
        story(MOSCOW, MOSCOW),
        "British intelligence",
        "UPDATE 1-\n\n" + story(MOSCOW, MOSCOW),
        "British intelligence",
        nth=1,
        at=1,
    ),
    Case(
        "short quote twice, context gone",
        "Officials said 280,000 joined in the spring.",
        "280,000",
        "By May, 280,000 had enlisted; by June, 280,000 had deployed.",
        None,
    ),
    Case(
        "short quote elsewhere, its sentence gone",
        OLD,
        "3 million",
        OLD.replace("The fund now has 3 million members.", "Membership fell.")
        + " Some 3 million viewers watched.",
        None,
    ),
    Case("paragraph with the quote cut", OLD, CLAIM, story(LEAD, SHOIGU, MOSCOW, TAIL), None),
    Case("story shortened below the quote", OLD, DEATHS, "KYIV (Reuters) - Casualties rose.", None),
    # -- words changed around the same numbers: placed whole, marked as changed
    Case(
        "a word inserted",
        OLD,
        "Moscow has been avoiding recruiting more Russians for the war",
        OLD.replace("recruiting more Russians", "recruiting many more Russians"),
        "Moscow has been avoiding recruiting many more Russians for the war",
    ),
    Case(
        "a word removed",
        OLD,
        "Moscow has been avoiding recruiting more Russians for the war",
        OLD.replace("recruiting more Russians", "recruiting Russians"),
        "Moscow has been avoiding recruiting Russians for the war",
    ),
    Case(
        "verb replaced, numbers kept",
        OLD,
        "Sergei Shoigu said 280,000 people had signed contracts with the army",
        OLD.replace("Shoigu said 280,000", "Shoigu told parliament 280,000"),
        "Sergei Shoigu told parliament 280,000 people had signed contracts with the army",
    ),
    Case(
        "negation added is flagged, not hidden",
        OLD,
        "Officials said the city spent 12 million dollars on parks last year",
        OLD.replace("the city spent", "the city never spent"),
        "Officials said the city never spent 12 million dollars on parks last year",
    ),
    Case(
        "typo corrected",
        "The goverment said the new road will open next spring, he said.",
        "The goverment said the new road will open next spring",
        "The government said the new road will open next spring, he said.",
        "The government said the new road will open next spring",
    ),
    Case(
        "quoted speech gained a word, marks kept",
        OLD,
        "“We will not stop recruiting,”",
        OLD.replace("not stop recruiting", "not stop ever recruiting"),
        "“We will not stop ever recruiting,”",
    ),
    Case(
        "changed and moved paragraph keeps context",
        OLD,
        CLAIM,
        story(
            LEAD, SHOIGU, PARKS.replace("12 million dollars", "12 million US dollars"), MOSCOW, TAIL
        ),
        "the city spent 12 million US dollars on parks",
    ),
    # -- too much changed: an orphan rather than a guess
    Case("last word changed", OLD, CLAIM, OLD.replace("on parks", "on playgrounds"), None),
    Case(
        "first word changed",
        OLD,
        "Moscow has been avoiding recruiting more Russians",
        OLD.replace("Moscow has been", "The Kremlin has been"),
        None,
    ),
    Case(
        "sentence rewritten",
        OLD,
        "Three people were killed in the attack on Kharkiv",
        OLD.replace(
            "Three people were killed in the attack on Kharkiv",
            "Three people died when missiles hit Kharkiv",
        ),
        None,
    ),
    Case(
        "short quote gained a word",
        OLD,
        "U.S. officials said",
        OLD.replace("U.S. officials said", "U.S. defense officials said"),
        None,
    ),
    Case(
        "changed words and context gone",
        OLD,
        CLAIM,
        "Officials in the capital spent 12 million US dollars on parks.",
        None,
    ),
]
