"""Currencies by code, sign and name, from babel's copy of the Unicode CLDR (ISO 4217).

What is read, and the choices made where a sign or a name is shared:

* **Codes**: every ISO 4217 code that is legal tender in some territory today (CLDR's
  territory data), written in capitals beside the number ("USD 450", "EUR340",
  "30 EUR million"). Five codes that are also English words in headlines ("ALL", "TOP",
  "CUP", "MOP", "SOS") are not read. Bitcoin is not ISO 4217; it is read as "BTC", the
  code exchanges use.
* **Signs**: CLDR's English symbols ("€", "£", "₹", "A$", "HK$", "MX$", "NZ$", "R$"...),
  the local signs CLDR keeps only in other languages' data (``_LOCAL_SIGNS``: "₽", "₴",
  "₺", "₦"...), and "元" for the Chinese yuan.
  - **"$" alone is the US dollar (USD)**, as in CLDR's English data and AP/Reuters style,
    which write every other dollar with a prefix.
  - **"¥" alone is the Japanese yen (JPY)**, as in CLDR's English data; the Chinese yuan is
    "CN¥", "元", "RMB", "renminbi" or "yuan".
  - A dollar sign after letters is that place's dollar: CLDR's prefixes, Reuters' "C$"
    (CAD; the Nicaraguan córdoba's "C$" is not read), "S$" (SGD), "Mex$" (MXN), and any
    ISO code ("MXN$" is MXN).
  - Signs shared by many currencies ("kr", "R", "Fr.", "₨") are not read; "Rs" is the
    Indian rupee.
* **Names**: CLDR's English names, singular and plural ("Swiss francs", "Australian
  dollars", "Indian rupees"), plus "renminbi", "RMB", "rouble(s)", "sterling", "bitcoin".
  A bare name that CLDR gives to several currencies is read only as the one English news
  means by it unless told otherwise: dollar USD, pound GBP, franc CHF, rupee INR, yuan
  CNY, ruble RUB, won KRW. Other shared names ("pesos", "dinars", "krone", "shillings")
  stay plain words: their amounts are compared only with the same word, never guessed.
"""

from __future__ import annotations

from functools import cache

_NOT_CODES = frozenset({"ALL", "TOP", "CUP", "MOP", "SOS"})
_LOCAL_SIGNS = {
    "₽": "RUB",
    "₴": "UAH",
    "₺": "TRY",
    "₦": "NGN",
    "₸": "KZT",
    "₾": "GEL",
    "₼": "AZN",
    "৳": "BDT",
    "֏": "AMD",
    "฿": "THB",
    "₿": "BTC",
    "元": "CNY",
    "us$": "USD",
    "c$": "CAD",
    "s$": "SGD",
    "mex$": "MXN",
    "au$": "AUD",
}
_SHARED_NAMES = {
    "dollar": "USD",
    "pound": "GBP",
    "franc": "CHF",
    "rupee": "INR",
    "yuan": "CNY",
    "ruble": "RUB",
    "won": "KRW",
}
_EXTRA_NAMES = {
    "renminbi": "CNY",
    "rmb": "CNY",
    "rouble": "RUB",
    "roubles": "RUB",
    "sterling": "GBP",
    "bitcoin": "BTC",
    "bitcoins": "BTC",
    "btc": "BTC",
    "u.s. dollars": "USD",
}


@cache
def _tables() -> tuple[frozenset[str], dict[str, str], dict[tuple[str, ...], str]]:
    from babel import Locale
    from babel.numbers import get_currency_name, get_territory_currencies

    english = Locale("en")
    current: set[str] = set()
    for territory in english.territories:
        current.update(get_territory_currencies(str(territory)))
    codes = frozenset(current - _NOT_CODES) | {"BTC"}
    signs = {}
    for code in sorted(current):
        symbol = english.currency_symbols.get(code, code)
        if symbol != code and symbol.lower() not in signs:
            signs[symbol.lower()] = code
    signs.update(_LOCAL_SIGNS)
    names: dict[tuple[str, ...], str] = {}
    shared: dict[str, set[str]] = {}
    for code in sorted(current):
        for name in (english.currencies[code], get_currency_name(code, count=2, locale="en")):
            words = tuple(name.lower().split())
            names[words] = code
            shared.setdefault(words[-1], set()).add(code)
    for word, users in shared.items():
        if len(users) == 1:
            names[(word,)] = next(iter(users))
        else:
            names.pop((word,), None)
    for singular, code in _SHARED_NAMES.items():
        plural = get_currency_name(code, count=2, locale="en").lower().split()[-1]
        names[(singular,)] = names[(plural,)] = code
    for name, code in _EXTRA_NAMES.items():
        names[tuple(name.split())] = code
    return codes, signs, names


_OTHER_CODES = {"RMB": "CNY"}  # what news writes as a code that ISO 4217 does not have


def code(word: str) -> str | None:
    """The ISO code a word written in capitals is ("EUR", "RMB" is CNY), or None."""
    if not word.isupper():
        return None
    return word if word in _tables()[0] else _OTHER_CODES.get(word)


def sign(symbol: str) -> str | None:
    """The currency of a sign, lower-cased ("€", "a$", "hk$"), or None."""
    codes, signs, _ = _tables()
    found = signs.get(symbol)
    if found is None and symbol.endswith("$") and symbol[:-1].upper() in codes:
        return symbol[:-1].upper()  # "MXN$"
    return found


def name(words: tuple[str, ...]) -> str | None:
    """The currency named by these lower-case words ("swiss", "francs"), or None."""
    return _tables()[2].get(words)


def longest_name(words: list[str]) -> tuple[str, int] | None:
    """The currency named by the longest run of ``words`` from the first, and its length."""
    names = _tables()[2]
    for n in range(min(4, len(words)), 0, -1):
        found = names.get(tuple(words[:n]))
        if found is not None:
            return found, n
    return None
