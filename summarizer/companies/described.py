"""Where the story says outright that a capitalised name is a company (for ``discover.py``).

* an appositive names its kind: "TAROM, Romania's largest airline, said", "Parmalat,
  the Italian dairy firm." The description must end at punctuation (or "that",
  "which", "based", ...), so "Jo Smith, a bank manager" and "the firm's" do not count;
* a role only companies have is the name's: "Tom Carter, UltraHaptics' CTO", "Acme's
  chief executive";
* a copula: "UltraHaptics is a young company."

Each yields where the name ends; ``discover.py`` takes the capitalised words before it
and checks them like any other name.
"""

from __future__ import annotations

from collections.abc import Iterator

# Nouns that make an appositive or copula describe a company.
NOUNS = frozenset(
    ("company", "firm", "airline", "carrier", "bank", "retailer", "lender", "carmaker")
)
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


def described_at(text: str, noun: int, end: int) -> int:
    """Where the name ends that the company noun at ``noun:end`` describes, or -1."""
    return _described_from(text, noun) if _ends(text, end) else -1


def roles(text: str) -> Iterator[int]:
    """Where a name ends that has a role only companies have ("UltraHaptics' CEO")."""
    for role in ROLES:
        at = text.find(role)
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
