"""Whether a case-matching alias found in text is the company there (the context rules).

Written case must fit the alias ("google it" is not Google), a capitalised name or a title
before a one-word alias makes it a person ("Harrison Ford", "Mr Hilton"), and a common-word
alias is weak at a sentence start, after a possessive, in a headline or among shouted
capitals; a followed or discovered name's short form that the story first gives a person
("Stan Freberg" beside "Freberg Ltd") is that person (``without_surnames``). The rules are
written out in ``summarizer/companies/README.md``; the search for
candidate aliases is in :mod:`summarizer.companies.finding.scan`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass

from summarizer.companies.aboutness.salience import Occurrence
from summarizer.companies.registry.index import EXACT, FOLD, WORD, AliasRef
from summarizer.companies.registry.names import DEMONYMS, LEGAL, is_common, is_first_name
from summarizer.companies.registry.words import fold
from summarizer.text.dateline import dateline_end

# Words after which a capitalised word is still not part of a person's name.
_NOT_NAMES = DEMONYMS | frozenset(
    re.findall(
        r"\S+",
        "monday tuesday wednesday thursday friday saturday sunday january february march "
        "april may june july august september october november december rival rivals both "
        "and or but while after before against including like unlike versus giant",
    )
)
_GENERIC = frozenset(
    ("group", "company", "co", "corp", "corporation", "holdings", "inc", "ltd", "plc", "bank")
)
NAME_TITLES = frozenset(
    ("mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame", "prof", "professor")
)
# "Apple said", "Shell shares fell": only a company does that, even at a sentence start.
_COMPANY_VERB = re.compile(
    r"\s+(?:(?:has|have|had|also|will|would|is|was|on \w+day)\s+){0,2}"
    r"(?:said|says|reported|announced|posted|confirmed|declined|warned|expects|plans|"
    r"unveiled|launched|agreed|shares|stock|chief|CEO|spokes\w+)\b"
)
_OPENERS = "\"'“‘([«•*–—-"
# Compiled once: these run for every candidate alias (re.search(str) looks the pattern up
# in re's cache each time).
_LETTER_RUNS = re.compile(r"[^\W\d_]+")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w’'.\-]*) $")
_POSSESSIVE_BEFORE = re.compile(r"\w['’]s\s$")
_NAME_BEFORE = re.compile(r"[A-Z][\w&.'’-]*,? $")
# A capitalised word (a first name or a title such as "Mr" or "Dr.") right before a name.
_FIRST_BEFORE = re.compile(r"(?<![\w'’])([A-Z][a-z]+\.?) $")
# A place or a sponsored event or venue named after the word: "Apple Valley", "Orange
# County", "the Amazon River", "the Heineken Cup", "Etihad Stadium", "the Staples Center",
# "the Barclays Premier League" (labelling guide rule 4: a brand counts as the company only
# where the text treats it as one).
_PLACE_AFTER = re.compile(
    r" (?:Valley|County|River|Islands?|Lake|Mountains?|Hills|Beach|Bay|Falls|Creek|Canyon"
    r"|Forest|Township|Parish|Peninsula|Desert|Coast|Heights|Cup|Stadium|Arena|Cent(?:er|re)"
    r"|Premier League)\b"
)
# "(CNN)" or "(Reuters)" right before a word, no space: a dateline opening the story.
_GLUED_DATELINE = re.compile(r"\([A-Z][A-Za-z .]{1,20}\)$")


# Not frozen (never changed all the same; hashable as a frozen one): a frozen dataclass sets
# each field through object.__setattr__, which made building one ~4x slower, and matching
# builds several per story.
@dataclass(slots=True, unsafe_hash=True)
class Hit:
    """One accepted occurrence of a company in a piece of text."""

    entry: int
    start: int
    end: int
    weak: bool  # counts only if the company is also found in an unambiguous place
    word: str = ""  # the folded alias when it is one word ("ford"), else ""
    shadow: str = ""  # set on a name that is not the company ("Harrison Ford" -> "ford")


def sentence_initial(text: str, start: int) -> bool:
    """Whether a word starts a sentence (or a line) and so is capitalised anyway; also
    right after a wire dateline glued to it ("(CNN)Sky watchers ...")."""
    # A short window keeps this constant-time on long paragraphs.
    window = text[max(0, start - 24) : start]
    dateline = _GLUED_DATELINE.search(window) if window.endswith(")") else None
    if dateline and sentence_initial(text, start - len(window) + dateline.start()):
        return True
    before = window.rstrip().rstrip(_OPENERS).rstrip()
    if not before:
        return start <= 24 or not text[max(0, start - 200) : start].strip(" \t" + _OPENERS)
    return before[-1] in ".!?:;\n|。！？"


def is_title_case(text: str) -> bool:
    """Headline style ("Apple Pie Recipes For Fall") or all capitals: case says little."""
    words = [w for w in _LETTER_RUNS.findall(text) if len(w) > 3]
    if len(words) < 3:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= 0.75 * len(words)


def case_ok(ref: AliasRef, written: list[str]) -> bool:
    if tuple(written) == ref.surface:
        return True  # as the alias is written: every mode's rules below allow it
    if ref.mode != FOLD:
        return False
    if all(w.isupper() or not w.isalpha() for w in written):
        return True  # "XIAOMI SHARES JUMP"
    if all(w.islower() for w in written) and not all(w.islower() for w in ref.surface):
        return False  # "google it"
    # Each capitalised word of the alias stays capitalised ("Indian oil" is not Indian Oil),
    # except generic words people write either way ("Tata group").
    return all(
        w[:1].isupper() or not a[:1].isupper() or a.casefold() in _GENERIC
        for w, a in zip(written, ref.surface, strict=True)
    )


def _name_before(text: str, start: int, n_words: int, ref: AliasRef) -> str:
    """'Harrison Ford', 'Nikola Tesla': "name" when a one-word alias follows a capitalised
    name, "title" after "Mr"/"Ms"/"Dr"... (the alias is that person's surname), else ""."""
    if n_words != 1 or ref.mode == EXACT or text[start - 1 : start] != " ":
        return ""
    # The word before lies after the last space before that one: searched from there, not
    # tried at each of the 40 characters before the name.
    lo = max(0, start - 40)
    m = _WORD_BEFORE.search(text, max(lo, text.rfind(" ", lo, start - 1) + 1), start)
    if not m:
        return ""
    word = m.group(1)
    if word.casefold().rstrip(".") in NAME_TITLES:
        return "title"
    if not (word[0].isupper() and word[1:2].islower()) or word.endswith(("'s", "’s")):
        return ""
    if word.endswith(".") or "-" in word or word.casefold() in _NOT_NAMES:
        return ""  # "... in Hungary. Stellantis": a sentence ended; "Beijing-based BYD"
    return "" if sentence_initial(text, start - len(word) - 1) else "name"


def _after_possessive(text: str, start: int) -> bool:
    """ "The Who's Next", "Ford's Focus": a common word owned by a name is not a company."""
    return bool(_POSSESSIVE_BEFORE.search(text[max(0, start - 6) : start]))


def _shouted(ref: AliasRef, text: str, start: int, end: int) -> bool:
    """ "LOW NOW GOLD": a capitalised common word among capitalised words is just shouting."""
    word = ref.surface[0]
    if len(ref.surface) != 1 or not word.isupper() or not is_common(word):
        return False
    around = (
        _LETTER_RUNS.findall(text[max(0, start - 12) : start])[-1:]
        + _LETTER_RUNS.findall(text[end : end + 12])[:1]
    )
    return any(len(w) > 1 and w.isupper() for w in around)


def judge(
    ref: AliasRef, text: str, start: int, end: int, *, possessive: bool, style: bool
) -> Hit | None:
    """The hit for a case-matching alias: None inside a person's name, weak where ambiguous."""
    surface = ref.surface[0].casefold() if len(ref.surface) == 1 else ""
    if surface in LEGAL and _NAME_BEFORE.search(text[max(0, start - 30) : start]):
        return None  # "Euro Disney SCA": a legal form after a name, not the company SCA
    if _PLACE_AFTER.match(text, end):
        return None
    name = "" if style else _name_before(text, start, len(ref.surface), ref)
    if name == "title":  # "Mr Hilton": a bare "Hilton" in this article is him
        return Hit(ref.entry, start, end, True, shadow=surface)
    if name:
        return None
    # "Alphabet's Waymo" and "Apple said" start sentences, but no fruit owns or says things.
    initial = (
        sentence_initial(text, start) and not possessive and not _COMPANY_VERB.match(text, end)
    )
    weak = (
        ref.weak
        or _shouted(ref, text, start, end)
        or (ref.mode == WORD and (style or initial or _after_possessive(text, start)))
    )
    return Hit(ref.entry, start, end, weak, word=surface)


def person_surnames(parts: Sequence[str], forms: Collection[str]) -> Iterator[tuple[str, int, int]]:
    """Where the story uses one of ``forms`` (one-word names as written) as a person's
    surname, right after a common first name or a title ("Stan Freberg", "Mr Freberg"):
    (folded form, part, start) of each such surname."""
    # str.find per form: no regex to compile for each story's few names.
    for p, text in enumerate(parts):
        for form in forms:
            at = text.find(form)
            while at >= 0:
                end = at + len(form)
                closed = end == len(text) or not (text[end].isalnum() or text[end] == "&")
                first = _FIRST_BEFORE.search(text, max(0, at - 40), at) if closed else None
                if first and (
                    is_first_name(first.group(1))
                    or first.group(1).casefold().rstrip(".") in NAME_TITLES
                ):
                    yield fold(form), p, at
                at = text.find(form, end)


def without_surnames(
    occs: list[Occurrence], parts: Sequence[str], short_words: Mapping[int, Collection[str]]
) -> list[Occurrence]:
    """``occs`` without the bare short forms of followed or discovered names
    (``short_words``: entry -> its one-word short forms, folded) that the story first uses
    as a person's surname: after "Stan Freberg" (named before his agency), "Freberg died"
    is him, and only "Freberg Ltd" in full is the agency. A company named in full first
    keeps them ("Rago Arts and Auction Center agreed ... said partner David Rago ... Rago
    said"), and a person's name inside a company's ("John Fairfax Holdings") is no
    person. Registry aliases such as "Dell" are listed, not guessed: ``judge`` rules them."""
    folded = [fold(parts[o.part][o.start : o.end]) for o in occs]
    bare: set[tuple[int, str]] = set()  # (entry, short form) of each bare mention
    forms: set[str] = set()  # those short forms as the story writes them
    for o, word in zip(occs, folded, strict=True):
        if word in short_words.get(o.entry, ()):
            bare.add((o.entry, word))
            forms.add(parts[o.part][o.start : o.end])
    if not bare:
        return occs
    full: dict[int, tuple[int, int]] = {}  # entry -> first mention not a one-word short form
    spans = []  # every mention not a one-word short form
    for o, word in zip(occs, folded, strict=True):
        if (o.entry, word) not in bare:
            full[o.entry] = min(full.get(o.entry, (o.part, o.start)), (o.part, o.start))
            spans.append((o.part, o.start, o.end))
    people: dict[str, tuple[int, int]] = {}  # surname -> where a person first bears it
    for word, p, start in person_surnames(parts, forms):
        if not any(q == p and a <= start < b for q, a, b in spans):
            people[word] = min(people.get(word, (p, start)), (p, start))
    dropped = {
        (entry, word)
        for entry, word in bare
        if word in people and people[word] < full.get(entry, (len(parts), 0))
    }
    return [o for o, word in zip(occs, folded, strict=True) if (o.entry, word) not in dropped]


def without_publisher(occs: list[Occurrence], parts: Sequence[str]) -> list[Occurrence]:
    """``occs`` without the outlet whose tag opens the story ("(Rolling Stone)One summer
    ..."): a syndicated story names its publisher in the tag, its links and its copyright
    line, and none of that is news about the publisher (labelling guide, rule 6)."""
    # The first paragraph, or a headline made from its opening words, opens with the tag.
    # Only a tag in brackets names an outlet: most stories are settled by a substring test.
    ends = [dateline_end(text) if "(" in text[:60] else 0 for text in parts[:2]]
    if not any(ends):
        return occs
    tagged = {o.entry for o in occs if o.part < len(ends) and o.end <= ends[o.part]}
    return [o for o in occs if o.entry not in tagged] if tagged else occs
