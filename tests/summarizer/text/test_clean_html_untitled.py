"""An HTML page or fragment without a headline: its first paragraph is text, as in plain text."""

from __future__ import annotations

import pytest

from summarizer.errors import EmptyArticleError
from summarizer.text.clean import DERIVED_TITLE, clean_html

LEAD = "Apple said on Monday it will open a new store in Paris, its tenth in France."
MORE = "The company expects strong sales. Analysts agreed with the forecast."


def test_an_untitled_fragment_keeps_its_lead_as_text() -> None:
    # The lead was taken for the headline: gone from the text and from every summary.
    article = clean_html(f"<p>{LEAD}</p><p>{MORE}</p>")
    assert article.paragraphs == (LEAD, MORE)
    assert article.extra.get(DERIVED_TITLE) and article.title.startswith("Apple said")


def test_a_fragment_of_one_paragraph_is_read() -> None:
    # Was "The page has no readable article text."
    assert clean_html(f"<p>{LEAD}</p>").paragraphs == (LEAD,)
    assert clean_html(f"<div><p>{LEAD} {MORE}</p></div>").paragraphs == (f"{LEAD} {MORE}",)


def test_a_headline_line_and_a_titled_page_still_give_the_headline() -> None:
    page = f"<html><head><title>Apple opens a Paris store</title></head><body><p>{LEAD}</p>"
    assert clean_html(page + f"<p>{MORE}</p></body></html>").title == "Apple opens a Paris store"
    short = clean_html(f"<p>Apple opens a Paris store</p><p>{LEAD}</p><p>{MORE}</p>")
    assert short.title == "Apple opens a Paris store" and short.paragraphs[0] == LEAD
    with pytest.raises(EmptyArticleError):
        clean_html("<div><script>var x = 1;</script></div>")
