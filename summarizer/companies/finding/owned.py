"""A company's part or a company named between its owner and what it is (for ``discover.py``):
"its demerged Deluxe Film unit", "whose Agroflora subsidiary", "Whedon's Mutant Enemy
production company". ``owned`` yields where each such name ends; ``discover.py`` takes the
capitalised words before it and checks them like any other name. The other ways a story
says a name is a company are in ``described.py``.
"""

from __future__ import annotations

from collections.abc import Container, Iterator

from summarizer.companies.finding.described import _ENDS, capitalised

# The words that hold a name. The owner's possessive is required: "the Entertainment unit"
# names no firm. Not "division": divisions are named after what they sell ("Microsoft's
# Windows Server division").
OWNED = (" subsidiary", " unit", " arm", " company", " firm")
_OWNERS = ("its", "whose", "their")


def owned(text: str, held: Container[str] | None = None) -> Iterator[tuple[int, bool]]:
    """Where a name ends that a possessive and a part or company word hold: "its Sandoz unit",
    "the firm, whose Agroflora subsidiary operates", "Whedon's Mutant Enemy production
    company" (a trade may stand before "company" or "firm", and an adjective after the owner:
    "its demerged Agroflora unit"), and whether the word was "company" or "firm": only those
    say the name is a company's, where "the bank's Investment Banking unit" and "its Asia
    Pacific arm" name what a part does or where it is (``held`` as for ``described.roles``)."""
    for noun in OWNED:
        at = text.find(noun) if held is None or noun in held else -1
        while at >= 0:
            end = at + len(noun)
            if not text[end : end + 1].isalnum() and (name_end := _owned_from(text, at)) >= 0:
                yield name_end, noun in (" company", " firm")
            at = text.find(noun, end)


def _owned_from(text: str, at: int) -> int:
    """Where the owned name before the word at ``at`` ends, or -1."""
    words = text[max(0, at - 80) : at].split()
    company = text.startswith((" company", " firm"), at)
    if company and words and words[-1].islower() and words[-1].isalpha():
        words.pop()  # "production company"; not "its Islamic banking unit", a unit's trade
        at = text.rfind(" ", 0, at)
    k = len(words)
    while k and capitalised(words[k - 1]) and not _owner(words[k - 1]):
        if words[k - 1][-1] in _ENDS or words[k - 1][-1] in "'’\"":
            return -1  # punctuation inside ends it: "Clegg. Its Lib Dem unit" is no name
        k -= 1  # the name's words
    if k == len(words) or not k:
        return -1
    owner = words[k - 1]
    if k >= 2 and owner.islower() and owner.isalpha() and not _owner(owner):
        owner = words[k - 2]  # one adjective after the owner: "its demerged", "its key"
    return at if _owner(owner) else -1


def _owner(word: str) -> bool:
    """ "its", "whose", "their" or a possessive ("Whedon's")."""
    return word.casefold() in _OWNERS or word.endswith(("'s", "’s", "s'", "s’"))
