"""Deal words used in another sense, which say nothing about a deal or case.

``cues.SENTENCE_CUES`` finds the words of a deal or case in a lower-cased sentence;
salience's ``deal`` feature (a large weight: the parties to a deal are its subjects,
labelling guide rule 8) then marks every company named in it. A few of those words
often mean something else, and then mark a platform, a rival or a list of names:

* "Sue" with a capital is a first name ("producers Joey Parnes, Sue Wagner"), not "sue";
* "deal with" after "to", a modal or "help" is coping ("helps websites deal with
  traffic", "how to deal with refugees"), "a great deal" is a lot, and "a better deal
  than", "the best deal for" is value for money (on the tune split a magazine whose survey
  found printers "offered a better deal than" photo labs was a false subject; over the
  2,258 dev stories only that story changes);
* "offer" as a verb is providing ("rivals like X already offer free services", "to
  offer initial public shares"); the deal is the noun: "an offer", "the offer for",
  "a £1.3bn offer", "takeover offer", "Deutsche Boerse's offer".
"""

from __future__ import annotations

# Words after which "deal with" is a verb: coping with something ("to deal with", "could
# deal with"); "help" may come a word earlier ("helps websites deal with"). Kept as strings
# split once: a word list reads better than a column of literals.
_HELP_WORDS = "help helps helped helping"
_HELP = frozenset(_HELP_WORDS.split())
_COPING_WORDS = "to can could will would must should cannot can't"
_COPING = _HELP | frozenset(_COPING_WORDS.split())
# Words after which "deal" is an amount or value for money, not an agreement: "a great
# deal of", "offered a better deal than", "the best deal for shoppers" (but "struck a
# better deal with its unions" names the other party: an agreement).
_VALUE_WORDS = "great good better best fair raw bad worse worst"
_VALUE = frozenset(_VALUE_WORDS.split())
# Words after which "offer" is a noun: a bid (a determiner, possessive or the bid's kind).
_BID_BEFORE_WORDS = (
    "a an the any its their our his her this whose takeover share cash formal firm public "
    "initial rival hostile improved revised final higher sweetened buyout restructuring "
    "counter all-share all-cash"
)
_BID_BEFORE = frozenset(_BID_BEFORE_WORDS.split())
# Words after which "offer" is a noun too: a preposition, verb or conjunction, not the
# object the verb takes ("a new offer from", "the offer was", "an offer once it ...").
_BID_AFTER_WORDS = (
    "for from of to on in at by with is was does did will would may might has had that "
    "which while once because and but as if than"
)
_AFTER_BID = frozenset(_BID_AFTER_WORDS.split())


def _word_before(sentence: str, start: int, skip: int = 0) -> str:
    """The word ending before ``start`` (``skip`` words further back), "" at the start."""
    words = sentence[max(0, start - 60) : start].split()
    return words[-1 - skip] if len(words) > skip else ""


def _offer_is_bid(sentence: str, start: int, end: int) -> bool:
    """Whether "offer" at ``start:end`` is the noun of a bid ("an offer", "a £1bn offer",
    "Boerse's offer", "his new offer is", "a competing offer.") rather than the verb
    ("already offer free services") or goods "on offer"."""
    before = _word_before(sentence, start)
    if before == "on":
        return False
    if before in _BID_BEFORE or before.endswith(("'s", "’s", "s'")):
        return True
    if any(c.isdigit() for c in before):
        return True  # "a £1.3bn offer", "a £100,000-a-week offer"
    # The verb takes an object ("offer free services"); the noun ends the clause or goes
    # on with a preposition or a verb ("a new offer from", "the offer was").
    after = sentence[end : end + 12].split()
    return not after or not after[0][:1].isalnum() or after[0] in _AFTER_BID


def deal_meant(sentence: str, cased: str, start: int, end: int) -> bool:
    """Whether the deal word at ``start:end`` of lower-cased ``sentence`` (``cased``: the
    same sentence with its capitals, same offsets) is about a deal or case."""
    word = sentence[start:end]
    if word == "sue":
        return not cased[start : start + 1].isupper()
    if word in ("deal", "deals"):
        with_party = sentence.startswith(" with", end)
        if _word_before(sentence, start) in _VALUE and not with_party:
            return False  # "a great deal of money", "a better deal than a photo lab"
        if with_party:
            before = _word_before(sentence, start)
            return before not in _COPING and _word_before(sentence, start, 1) not in _HELP
        return True
    if word == "offer":
        return _offer_is_bid(sentence, start, end)
    return True
