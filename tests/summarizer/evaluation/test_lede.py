"""The lede-as-reference view ``newsbot eval --sample`` scores."""

from __future__ import annotations

from summarizer.evaluation.lede import without_lede


def test_the_first_sentence_is_cut_off_and_the_paragraphs_stay() -> None:
    text = (
        "Kmart will buy Sears for $11bn, the retailers said on Wednesday. The deal "
        "creates the third-largest US retailer.\n\nSears shares rose 15%.\n\nAnalysts agreed."
    )
    lede, rest = without_lede(text)
    assert lede == "Kmart will buy Sears for $11bn, the retailers said on Wednesday."
    assert rest == (
        "The deal creates the third-largest US retailer.\n\nSears shares rose 15%.\n\n"
        "Analysts agreed."
    )


def test_a_one_sentence_paragraph_leaves_the_next_ones() -> None:
    assert without_lede("Acme fell 3% (about $2bn).\nIts rivals rose.") == (
        "Acme fell 3% (about $2bn).",
        "Its rivals rose.",
    )
    assert without_lede("Only one sentence here.") == ("Only one sentence here.", "")
    assert without_lede(" \n\n ") == ("", "")
