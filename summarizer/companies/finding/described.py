"""Where the story says outright that a capitalised name is a company (for ``discover.py``).

* an appositive names its kind: "TAROM, Romania's largest airline, said", "Parmalat,
  the Italian dairy firm." The description must end at punctuation (or "that",
  "which", "based", ...), so "Jo Smith, a bank manager" and "the firm's" do not count;
* a role only companies have is the name's: "Tom Carter, UltraHaptics' CTO", "Acme's
  chief executive";
* a copula: "UltraHaptics is a young company.";
* either of them names a part of a company with its parent: "Alfa-Eco, the venture
  capital arm of Alfa Group", "X is a subsidiary of Y".
* an owner's possessive and a part or company word hold a name (``owned.py``): "whose
  Agroflora subsidiary", "Whedon's Mutant Enemy production company".

Each yields where the name ends; ``discover.py`` takes the capitalised words before it
and checks them like any other name. A company word also leads into a name ("US
surfwear firm Quiksilver", "a tour company called Rwanda Eco Tours"): ``company_words``
finds both kinds in one pass, and ``name_after`` reads the capitalised name that follows.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterator

# Nouns that make an appositive or copula describe a company.
NOUNS = frozenset(
    ("company", "firm", "airline", "carrier", "bank", "retailer", "lender", "carmaker", "maker")
)
# A part of a company, named with its parent: an appositive or copula with one of these
# describes a company too ("Alfa-Eco, the venture capital arm of Alfa Group", "Acme is a
# unit of Bolt"). Looked for with "of": far rarer than the bare words ("farm", "community").
# Each costs a pass over the story (about 0.25 % of matching's time), so only the three
# most used ("division of" is rarer in business news).
PARTS = ("unit of ", "subsidiary of ", "arm of ")
# Roles only a company has, after a possessive: "UltraHaptics' CTO".
ROLES = ("CEO", "CTO", "chief executive")
# What may follow the noun: the description ends there.
_ENDS = frozenset(",.;:)—–")
_THEN = ("that ", "which ", "whose ", "based ", "with ", "owned ", "founded ", "in ")
_DETERMINERS = frozenset(("the", "a", "an", "its", "their"))
_STOPS = frozenset(
    ("of", "for", "to", "at", "on", "by", "from", "and", "or", "but", "as", "than", "his", "her")
)
_COPULAS = (" is ", " was ")
_DAYS = frozenset(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday")
)
JOINERS = frozenset(("&", "and", "of", "de", "du", "del"))  # may join a name's words
MAX_WORDS = 4  # in a name found from context


def capitalised(word: str) -> bool:
    """Whether ``word`` may be part of a name: a capital or a digit first ("3Com")."""
    return word[:1].isupper() or word[:1].isdigit()


def name_after(text: str, at: int) -> str:
    """The capitalised name starting at ``at`` ("shares in Cairn Energy fell" -> "Cairn Energy")."""
    name: list[str] = []
    for word in text[at : at + 80].split():
        bare = word.rstrip(".,;:)'’\"")
        if len(name) >= MAX_WORDS or not (capitalised(bare) or (bare in JOINERS and name)):
            break
        name.append(bare.removesuffix("'s").removesuffix("’s"))
        if bare != word or name[-1] != bare:
            break  # punctuation or a possessive ends it: "Dick's Sporting Goods" is no "Dick"
    while name and name[-1] in JOINERS:
        name.pop()
    return " ".join(name)


def described_at(text: str, noun: int, end: int) -> int:
    """Where the name ends that the company noun at ``noun:end`` describes, or -1."""
    return _described_from(text, noun) if _ends(text, end) else -1


def roles(text: str, held: Container[str] | None = None) -> Iterator[int]:
    """Where a name ends that has a role only companies have ("UltraHaptics' CEO");
    ``held``: the words of ``present`` the story holds (the others are not searched)."""
    for role in ROLES:
        at = text.find(role) if held is None or role in held else -1
        while at >= 0:
            end = at + len(role)
            if not text[end : end + 1].isalnum():
                quote = text.rfind("'", at - 3, at)
                quote = max(quote, text.rfind("’", at - 3, at))
                if quote >= 0 and text[quote:at] in ("' ", "'s ", "’ ", "’s "):
                    yield quote
            at = text.find(role, end)


def _ends(text: str, end: int) -> bool:
    """Whether a description ends at ``end``: punctuation, or "that", "which", ..."""
    nxt = text[end : end + 1]
    if nxt in _ENDS and nxt:
        return True
    return nxt == " " and text.startswith(_THEN, end + 1)


def _described_from(text: str, noun: int) -> int:
    """Where the name before ", the ... NOUN" or " is a ... NOUN" ends, or -1."""
    window = text[max(0, noun - 60) : noun]
    comma = window.rfind(", ")
    copula, verb = max((window.rfind(c), c) for c in _COPULAS)
    if comma < 0 and copula < 0:
        return -1
    if comma > copula:
        cut, words = comma, window[comma + 2 :].split()
    else:
        cut, words = copula, window[copula + len(verb) :].split()
    if not words or len(words) > 5:
        return -1
    first = words[0]
    if first not in _DETERMINERS and not (first.endswith(("'s", "’s")) and first[:1].isupper()):
        return -1
    if any(w in _STOPS or not w.replace("-", "").replace("'", "").isalnum() for w in words[1:]):
        return -1
    if comma <= copula and first not in ("a", "an"):
        return -1  # "X is the company" says little; "X is a young company" says it
    return noun - len(window) + cut


def trim(name: str) -> str:
    """``name`` without a day that leads into it ("On Tuesday Mitsubishi, the car firm")."""
    words = name.split()
    while words and words[0].casefold() in _DAYS:
        words.pop(0)
    return " ".join(words)


# Company words that lead into a name ("US surfwear firm Quiksilver", "oil giant
# Yukos"): looked for with str.find, since a regex alternation starting with common
# lower-case letters is tried at far more places (matching was ~18 % slower).
LEADS = frozenset(
    re.findall(
        r"[^,]+",
        "firm,company,retailer,giant,carrier,manufacturer,airline,network,provider,bank,"
        "consortium,start-up,chain,carmaker,auction house,distributor",
    )
)
# Words that lead into a name only after a word saying what trade it is in: "Irish
# publishing group Independent News & Media", "leisure group Rank"; never "pressure group
# Greenpeace", "rights group Amnesty", "pop group Blur" or "industry group CompTIA".
_QUALIFIED = frozenset(("group", "maker"))
_TRADES = frozenset(
    re.findall(
        r"\S+",
        "publishing media newspaper leisure products goods drinks food engineering retail "
        "retailing banking insurance mining steel pharmaceutical pharmaceuticals drugs travel "
        "hotel hotels brewing industrial investment services property telecoms "
        "telecommunications defence aerospace chemicals utility energy oil gas entertainment "
        "advertising fashion clothing construction building airline tobacco luxury "
        "electronics technology software internet holiday shipping transport logistics "
        "gaming betting motor car paper packaging cement textiles wine beer aircraft plane "
        "chip phone handset toy drug computer",
    )
)
# Leads recase/ does not use to spell lower-cased names: "hedge fund tci" stays as it is;
# "football club X" (a listed club is a business; a club named in a match report is no subject).
_MORE_LEADS = frozenset(("hedge fund", "football club")) | _QUALIFIED
# Every word looked for: those that lead into a name and those an appositive or copula ends in
# ("TAROM, Romania's largest airline"); each found once with ``str.find`` (with its plural:
# "firms" is found as "firm").
_WORDS = tuple(sorted(LEADS | NOUNS | _MORE_LEADS))


# After a company word, what may come before the name it leads into: "tour company called
# Rwanda Eco Tours", "salad chain 'Sumo Salad'", "the chain, Sumo Salad." (an appositive:
# the name must end the clause, so "the firm, Smith said" names no firm).
_INTO = (" called ", " named ", " known as ", " '", " ‘", ' "', " “")


def called(text: str, at: int) -> bool:
    """Whether the story names the company outright before ``at``: "a tour company called
    Rwanda Eco Tours", "salad chain 'Sumo Salad'". Then its name may be made of ordinary
    words and places, as many small firms' names are."""
    return text.endswith(_INTO[:3], 0, at) or text[at - 1 : at] in "'‘\"“"


def _starts_name(text: str, at: int) -> bool:
    """Whether a name starts at ``at``: a capital, or a digit in a word of letters ("3Com",
    "3ami"; not "10m", "1990s" or "3G")."""
    if text[at : at + 1].isupper():
        return True
    word = text[at : at + 12].split(" ", 1)[0]
    return word[:1].isdigit() and sum(c.isalpha() for c in word) >= 3 and word.isalnum()


def _lead_into(text: str, end: int) -> int:
    """Where a name starts that the company word ending at ``end`` leads into, or -1."""
    if text[end : end + 1] == " " and _starts_name(text, end + 1):
        return end + 1
    for into in _INTO:
        if text.startswith(into, end) and text[end + len(into) : end + len(into) + 1].isupper():
            return end + len(into)
    if text.startswith(", ", end) and text[end + 2 : end + 3].isupper():
        name = name_after(text, end + 2)
        if name and text[end + 2 + len(name) : end + 3 + len(name)] in (".", ",", ";", ""):
            return end + 2
    return -1


def company_words(text: str, held: Container[str] | None = None) -> tuple[list[int], list[int]]:
    """One pass over the company words: where a name may start after one of LEADS (a
    capital letter or a digit next; two names after a plural), and where a name ends that an
    appositive or copula describes (``held`` as for ``roles``)."""
    starts: list[int] = []
    described: list[int] = []
    for word in _WORDS if held is None else [w for w in _WORDS if w in held]:
        lead, noun = word in LEADS or word in _MORE_LEADS, word in NOUNS
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not text[at - 1].isalnum()) and _leads(text, word, at):
                led = _led_into(text, end) if lead else []
                if led:
                    starts.extend(led)
                elif noun and (name_end := described_at(text, at, end)) >= 0:
                    described.append(name_end)
            at = text.find(word, end)
    for part in PARTS:
        at = text.find(part) if held is None or part in held else -1
        while at >= 0:
            if at and not text[at - 1].isalnum() and (name_end := _described_from(text, at)) >= 0:
                described.append(name_end)
            at = text.find(part, at + len(part))
    return starts, described


def _leads(text: str, word: str, at: int) -> bool:
    """Whether ``word`` at ``at`` may lead into or describe a name: "group" and "maker" only
    after a trade ("publishing group", "wine maker"; not "rights group", "bomb maker")."""
    if word not in _QUALIFIED:
        return True
    before = text[max(0, at - 30) : at].split()
    return bool(before) and before[-1] in _TRADES


def _led_into(text: str, end: int) -> list[int]:
    """Where names start that the company word ending at ``end`` leads into: one name, or two
    after a plural ("Nigerian banks United Bank of Africa and Standard Trust Bank")."""
    if text[end : end + 1] != "s":
        start = _lead_into(text, end)
        return [start] if start >= 0 else []
    start = end + 2  # right after the word: not "networks called Ultra Wideband", a technology
    if text[end + 1 : end + 2] != " " or not text[start : start + 1].isupper():
        return []  # "banks 10%"; "firms' staff"
    words = name_after(text, start).split()
    first = " ".join(words[: words.index("and")] if "and" in words else words)
    after = start + len(first) + len(" and ")
    if text.startswith(" and ", after - 5) and text[after : after + 1].isupper():
        return [start, after]
    return [start]
