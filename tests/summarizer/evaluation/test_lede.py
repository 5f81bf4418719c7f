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


def test_lede_cases_leave_out_texts_of_one_sentence() -> None:
    from summarizer.evaluation.lede import lede_cases

    texts = ["Acme fell 3%.\n\nIts rivals rose. Markets were calm.", "Only one sentence here."]
    cases = list(lede_cases(texts))
    assert [lede for _, lede in cases] == ["Acme fell 3%."]
    article = cases[0][0]
    assert article.paragraphs == ("Its rivals rose. Markets were calm.",)
