"""Companies the registry lacks, found from how the story writes about them.

Business news names many firms no list holds ("Grandmax Group", "Hatton Garden
Safe Deposit Ltd", "shares in Cairn"). A capitalised name counts as a company here
only with evidence in the text itself:

* a legal form or a company word ends it: "Eos Airlines", "Baugur Group",
  "ParkingEye Ltd", "Parmalat SpA", "Menzies Aviation";
* a cue phrase puts it in a company's place: "shares in X", "shares of X" (then a name of
  two words may be ordinary words and places, "shares in Manchester United", but no place,
  "shares in New York", nor two joined by "and"), or a
  company word leads into it: "US surfwear firm Quiksilver", "oil giant Yukos",
  "television network TV5Monde", "internet provider Pipex", "gaming consortium BLB", "aircraft
  maker Embraer" (a maker after its trade: never "bomb maker X"), also
  when the word calls, quotes or sets off the name ("a tour company called Rwanda Eco
  Tours", "salad chain 'Sumo Salad'", "The firm, Paion, said"). Named so, a name of two
  words or more may be ordinary words ("games firm Lateral Visions", "UK-based firm
  Aggregate Industries", not a person: "record company Rick Rubin") and a name may start
  with a digit ("security firm 3ami"); "group" leads in after a trade ("Irish publishing
  group Independent News & Media", not "pressure group X"), and a plural into a pair
  ("Nigerian banks A and B", "hedge funds TCI and Atticus");
* two capitalised names joined by "&": "Marsh & McLennan", "Brown & Williamson";
* "Air" and a place or a word no dictionary has, as airlines are named: "Air Moldova",
  "Air Deccan" (not "Air Force", "Air Marshal", "Air Force One");
* the story says what it is (``described.py``): "TAROM, Romania's largest airline",
  "Pointsec, a mobile-data backup firm", "Beck-Crespel is a specialist steel firm",
  "Authenti-corp's CEO", or a part of a company: "Alfa-Eco, the venture capital arm of
  Alfa Group", "X, a unit of Y", "X is a subsidiary of Y", also named by its owner
  ("whose Agroflora subsidiary", "its demerged Deluxe Film unit", "Whedon's Mutant Enemy
  production company"; not "its Windows Server division", named after a product).

The words are found with ``str.find``, which costs about a tenth of matching's time.

Every name must hold a word that is not an ordinary word, a place or a first name
("Working Group", "Labour Party" and "New York" never qualify), and none may be or
overlap a registry name. The names found are then matched like names a user follows
(short forms beside the full name), so they get salience like any other company.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterator, Sequence

from summarizer.companies.aboutness.cues import by_first_letter
from summarizer.companies.finding.acronyms import spelled_out
from summarizer.companies.finding.described import (
    JOINERS,
    MAX_WORDS,
    called,
    capitalised,
    company_words,
    name_after,
    roles,
    trim,
)
from summarizer.companies.finding.judge import NAME_TITLES
from summarizer.companies.finding.kinds import airlines, shares_in
from summarizer.companies.finding.owned import owned
from summarizer.companies.finding.scan import fold, sentence_initial, split_words
from summarizer.companies.finding.sought import present
from summarizer.companies.registry.names import LEGAL, is_common, is_first_name
from summarizer.companies.registry.words import story_words

# Words that end a company's name ("Eos Airlines", "ParkingEye Ltd") or lead into one
# ("shares in Cairn"). One literal alternation: cheap to search in every story.
_ANCHOR = re.compile(
    r"(?<![\w'’])(?=[A-Zs&])(?:(?P<suffix>Inc|Corp|Corporation|Ltd|Limited|plc|PLC|AG|SpA|"
    r"GmbH|LLC|Kft|Oyj|Airlines|Airways|Aviation|Group|Holdings|Promotions|Motors|Bancorp|Breweries|"
    r"Pharmaceuticals|Laboratories|Bank|Tobacco|Enterprises?|Energy|Building Society)\b|"
    r"(?P<cue>[Ss]hares (?:in|of) )|(?P<amp>& (?=[A-Z])))"
)
# Substrings every anchor holds: a paragraph without any of them is skipped at C speed.
_ANCHOR_WORDS = (
    *re.findall(
        r"\S+",
        "Inc Corp Ltd Limited plc PLC AG SpA GmbH LLC Kft Oyj Airlines Airways Aviation Group "
        "Holdings Promotions Motors Bancorp Breweries Pharmaceuticals Laboratories Bank Tobacco "
        "Enterprise Energy",
    ),
    "Building Society",
    "& ",
    "hares in ",
    "hares of ",
)
# The same words as one literal alternation (grouped by first letter: a sixth faster): found
# at C speed, and _ANCHOR is then only tried where one of them starts (a cue's "shares" one
# letter before its "hares in ").
_ANCHOR_HINT = re.compile(by_first_letter({"": "|".join(map(re.escape, _ANCHOR_WORDS))}))
# Suffixes only companies have: the name before them may be ordinary words ("Orient Thai
# Airlines"). Not "Corporation" ("City of London Corporation"), "Group" or "Bank".
_STRONG = frozenset(
    re.findall(r"[^,]+", "Inc,Corp,Ltd,Limited,plc,PLC,AG,SpA,GmbH,LLC,Kft,Oyj,Airlines,Airways")
) | {"Building Society", "Holdings"}
_TITLES = frozenset(("ceo", "cfo", "coo", "cto", "chairman", "chairwoman", "president", "boss"))
# A job, or a title before a person's name ("Mr", "Dame", "Prof"): the titles the judge
# reads as a person's, but "Miss", which also opens brands ("fashion retailer Miss Selfridge").
_PERSONAL = (NAME_TITLES - {"miss"}) | {"chief", "executive", "managing", "director", "founder"}
_MAX_NAMES = 12  # per article: a list of fifty firms is not a story about them
_PLACE_CODES = frozenset(("UK", "US", "USA", "UAE", "EU", "UN"))


def _before(text: str, at: int, suffix: str) -> str:
    """The capitalised name ending in ``suffix`` at ``at`` ("Sales at Eos Airlines" -> "Eos")."""
    words = text[max(0, at - 80) : at].split()
    name: list[str] = []
    for word in reversed(words):
        if len(name) >= MAX_WORDS or word.endswith((".", ",", ":", ";", ")", '"')):
            break
        if not (capitalised(word) or (word in JOINERS and name)):
            break
        name.insert(0, word)
    # Cut short with the name still going on ("[Bank of] Kwara and Sterling Trust Bank"): an
    # "and" in what was read parts two names.
    earlier = words[-len(name) - 1] if len(words) > len(name) else ""
    cut = len(name) >= MAX_WORDS and (capitalised(earlier) or earlier in JOINERS)
    for k in range(len(name) - 1, -1, -1):  # "Panasonic's Hollywood Laboratories", "CEO of X"
        if name[k].endswith(("'s", "’s")) or (name[k] in JOINERS and k and name[k - 1].isupper()):
            name = name[k + 1 :]
            break
        rest = name[k + 1 :]
        if name[k] == "and" and (cut or any(not _ordinary(w) for w in rest)):
            name = rest  # "Airlines Group and Augsburg Airways"; "Research and Development" stays
            break
        if name[k] == "of" or name[k][:1].isdigit() or name[k].endswith("-based"):
            # "Nick Bubb of Evolution", "1994 Energy", "800,000 Britannia", "Taiwan-based X"
            name = name[k + 1 :]
            break
    while name and name[0] in JOINERS:
        name.pop(0)
    if name:  # "Yesterday Grandmax Group": an ordinary word that only starts the sentence
        first_at = text.rfind(name[0], 0, at)
        if is_common(name[0]) and sentence_initial(text, first_at) and len(name) > 1:
            name.pop(0)
    return " ".join([*name, suffix] if suffix else name) if name else ""


def _led(text: str, at: int, *, called: bool = False) -> str:
    """The name a company word leads into ("surfwear firm Quiksilver", "oil giant Yukos"):
    one name (not "Toyota and Nissan"), not a person ("record company Rick Rubin") or a
    job ("company CEO Michael Eisner"), unless ``called`` outright ("a firm called Rick
    Rubin Records")."""
    words = name_after(text, at).split()
    if "and" in words:
        words = words[: words.index("and")]
    if not words or any("," in w for w in words) or words[0].casefold() in _TITLES:
        return ""
    if len(words) > 1 and not called and _personal(words[0]):
        return ""  # "Rick Rubin", "Chief Executive John Smith"
    return " ".join(words)


def _personal(word: str) -> bool:
    """A word that starts a person's name or title rather than a firm's ("Rick", "Chief")."""
    folded = word.casefold().rstrip(".")
    return is_first_name(folded) or folded in _PERSONAL or folded in _TITLES


def _joined(text: str, amp: int, after: int) -> str:
    """ "Marsh & McLennan": a word or two before "&" (no "and"/"of") and one word after."""
    left = _before(text, amp, "&").split()[:-1]
    while any(w in JOINERS for w in left):
        left = left[[w in JOINERS for w in left].index(True) + 1 :]
    right = name_after(text, after)
    if not left or not right or " " in right:
        return ""
    return " ".join([*left[-2:], "&", right])


def _strong(name: str, suffix: str | None) -> bool:
    """A suffix only companies have, after two capitalised words ("Orient Thai Airlines"; not
    "European Airlines" of "Association of European Airlines"), or after one word for
    "Building Society" and "Holdings" ("Petty Holdings")."""
    if suffix is None or suffix not in _STRONG:
        return False
    words = name.split()[: -len(suffix.split())]
    if not words or words[0].casefold() in ("in", "on", "at", "by", "for", "to", "with"):
        return False  # "Research In Motion Ltd" after a sentence-initial "Research" was cut
    return (len(words) >= 2 or suffix in ("Building Society", "Holdings")) and words[0][
        :1
    ].isupper()


def _distinctive(name: str, strong: bool = False) -> bool:
    """Whether ``name`` can be a company: a word that is not an ordinary word, place or first
    name, or (``strong``) a suffix only companies have ("Orient Thai Airlines", "Hatton
    Garden Safe Deposit Ltd")."""
    words = [
        w for w in re.findall(r"[^\W_][\w'’.&-]*", name) if w.casefold().rstrip(".") not in LEGAL
    ]
    if not words or len(name) > 60:
        return False
    first = words[0]
    if first.casefold() in ("the", "a", "an", "this", "that", "its", "their"):
        return False
    if is_common(" ".join(words)) or all(w in _PLACE_CODES for w in words):
        return False  # a place: "shares in Hong Kong", "shares in UK drinks firm X"
    return strong or any(not _ordinary(w.rstrip(".")) and len(w) > 1 for w in words)


def _ordinary(word: str) -> bool:
    """An ordinary word, place or name — also when hyphenated from such words ("Inter-American")."""
    return is_common(word) or ("-" in word and all(is_common(p) for p in word.split("-") if p))


def _known(name: str, known: Container[str]) -> bool:
    """Whether ``name`` is, or holds, a name the registry knows ("Kmart Corp" holds Kmart)."""
    words = [fold(w) for w in split_words(name)]
    return any(
        " ".join(words[i:j]) in known
        for i in range(len(words))
        for j in range(i + 1, len(words) + 1)
    )


def _anchors(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_ANCHOR`` in ``text``, as ``_ANCHOR.finditer`` would give them."""
    end = 0
    for hint in _ANCHOR_HINT.finditer(text):
        at = hint.start() - (1 if hint.group().startswith("hares") else 0)
        m = _ANCHOR.match(text, at) if at >= end else None
        if m is not None:
            end = m.end()
            yield m


def discover(
    parts: Sequence[str], *, known: Container[str], words: list[bytes] | None = None
) -> list[str]:
    """Company names in ``parts`` (headline first) that the registry lacks.

    ``known`` holds the lookup keys of names the matcher already knows; a name whose
    key is known, or that contains a known name, is left to the registry. ``words``: the
    parts' ``story_words``, if already cut.
    """
    found: dict[str, str] = {}
    # One pass over the whole story; the " .\n" between parts ends any name there.
    text = " .\n".join(parts)
    # The company words the story holds: only those are searched for (one pass over it).
    held = present(story_words(parts) if words is None else words)
    for m in _anchors(text):
        if m.group("cue"):
            name = name_after(text, m.end())
        elif m.group("amp"):  # "Marsh & McLennan", "Brown & Williamson": two names joined
            name = _joined(text, m.start(), m.end())
        else:
            name = _before(text, m.start(), m.group("suffix"))
        key = name.casefold()
        strong = _strong(name, m.group("suffix")) or shares_in(name, m.group("cue"))
        if name and key not in found and _distinctive(name, strong) and not _known(name, known):
            found[key] = name
    for name in airlines(text):
        if name.casefold() not in found and not _known(name, known):
            found[name.casefold()] = name
    starts, ends = company_words(text, held)
    for at in starts:
        outright = called(text, at)
        name = _led(text, at, called=outright)
        key = name.casefold()
        # After a company word a name may be ordinary words ("games firm Lateral Visions",
        # "a tour company called Rwanda Eco Tours"), not one ("a firm called Monday" is more
        # likely a joke than a company, "leisure group Rank" too rarely a company to risk).
        if _new(name, known) and key not in found and _distinctive(name, " " in name):
            found[key] = name
    # "TAROM, Romania's largest airline", "Acme's CEO"; held by an owner as its company, a
    # name of two words or more may be ordinary words ("Whedon's Mutant Enemy production
    # company"); as its unit or arm it may not ("the bank's Investment Banking unit").
    told = [(at, False) for at in [*ends, *roles(text, held)]] + list(owned(text, held))
    for at, owner in told:
        name = trim(_before(text, at, ""))
        key = name.casefold()
        # Not part of a name found already: "Ethanol" of "Pacific Ethanol is an ethanol firm".
        part = any(f" {key} " in f" {k} " for k in found) or _shortened(text, name, known)
        if _new(name, known) and not part and _distinctive(name, owner and " " in name):
            found[key] = name
    return list(found.values())[:_MAX_NAMES]


def _shortened(text: str, name: str, known: Container[str]) -> bool:
    """Whether the story also names ``name`` in full and the registry has that: "Aston's
    chief executive" beside "Aston Martin", "S&N" beside "Scottish & Newcastle"."""
    letters = name.replace("&", "")
    short = 2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper()
    if short and any(_known(m.group(), known) for m in spelled_out(letters).finditer(text)):
        return True
    size = len(split_words(name))
    at = text.find(name + " ")
    while at >= 0:
        words = [fold(w) for w in split_words(name_after(text, at))]
        if any(" ".join(words[:j]) in known for j in range(size + 1, len(words) + 1)):
            return True  # "Aston Martin"; not "ATR and Bombardier"
        at = text.find(name + " ", at + 1)
    return False


def _new(name: str, known: Container[str]) -> bool:
    """A name the registry lacks, also with the possessive the name's end cut ("fast-food
    company McDonald's")."""
    return bool(name) and not _known(name, known) and not _known(f"{name}'s", known)
