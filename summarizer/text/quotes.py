"""Quotation marks a sentence shown on its own leaves unbalanced.

A quotation can run over several sentences ('He said: "We lost. It hurts."'), and
one sentence of it shown alone would open a quote that never closes, or close one
that never opened. An excerpt closes or opens it, as an editor would.
"""

from __future__ import annotations

_CLOSING_AFTER = ".!?,;:…'’"  # a straight quote after these, or a letter, closes
OPENING_QUOTES = ('"', "“", "‘", "'")


def opens_quotation(sentence: str) -> bool:
    """Whether ``sentence`` opens on a quotation mark ('"We are thrilled," she said')."""
    return sentence.lstrip().startswith(OPENING_QUOTES)


def balance_quotes(sentence: str) -> str:
    """``sentence`` with a quote it leaves open closed at its end, or a quote it closes
    without opening opened at its start (straight or curly quotes)."""
    if "“" in sentence or "”" in sentence:
        opened, closed = sentence.count("“"), sentence.count("”")
        # Copy mixing styles ("“We will safeguard property" Citron said.") closes a
        # curly quote with a straight one, or the other way round: nothing is left open.
        if opened == closed + 1:
            if sentence.count('"') % 2 and sentence.rfind('"') > sentence.rfind("“"):
                return sentence
            return sentence + "”"
        if closed == opened + 1 and sentence.rfind("”") > sentence.rfind("“"):
            if sentence.count('"') % 2 and sentence.find('"') < sentence.find("”"):
                return sentence  # opened straight, closed curly
            return "“" + sentence
        return sentence
    if sentence.count('"') % 2 == 0:
        return sentence
    last = sentence.rfind('"')
    before = sentence[last - 1 : last]
    if before.isdigit():
        return sentence  # an inch mark ("6'2\"") or a title ending on a number: unsure
    # A quote right after a word or a stop, at the end or before a space, closes.
    closes = last > 0 and (before.isalnum() or before in _CLOSING_AFTER)
    closes = closes and sentence[last + 1 : last + 2] in ("", " ")
    return '"' + sentence if closes else sentence + '"'
