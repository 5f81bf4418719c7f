"""balance_quotes: a sentence of a longer quotation, shown alone, reads as a whole quote."""

from __future__ import annotations

import pytest

from summarizer import Article
from summarizer.summarize import summarize
from summarizer.text.quotes import balance_quotes


@pytest.mark.parametrize(
    ("sentence", "shown"),
    [
        ('He said: "I am very disappointed.', 'He said: "I am very disappointed."'),
        ('"But I take each race as it comes.', '"But I take each race as it comes."'),
        ('We must be positive."', '"We must be positive."'),
        ("“We lost.", "“We lost.”"),
        ("It hurts.”", "“It hurts.”"),
        ('He said "yes" and left.', 'He said "yes" and left.'),  # balanced: as it is
        ("He was 6'2\" tall.", "He was 6'2\" tall."),  # an inch mark, not a quote
        ("No quotes at all.", "No quotes at all."),
        # A curly quote closed by a straight one (copy mixing styles): nothing is open.
        ('“We will safeguard property" Citron said.', '“We will safeguard property" Citron said.'),
        ('The 6" pipe, “it leaks.', 'The 6" pipe, “it leaks.”'),  # that one opened nothing
        ('"We will safeguard property” Citron said.', '"We will safeguard property” Citron said.'),
    ],
)
def test_a_quote_left_open_or_closed_is_balanced(sentence: str, shown: str) -> None:
    assert balance_quotes(sentence) == shown


def test_a_summary_never_shows_half_a_quotation() -> None:
    quote = (
        'The chief executive said: "We have built the plant on time and on budget. '
        "Every worker in Ohio can be proud of it today, and the cells will go into our "
        "pickups from the spring of next year, long before any of our rivals manage it. "
        'We will hire another thousand people for the second line in the autumn."'
    )
    article = Article(
        title="Acme opens plant",
        paragraphs=(
            "Acme Motors opened its $3.5bn battery plant in Ohio on Tuesday.",
            quote,
            "Shares in Acme rose 4% after the opening ceremony in Columbus.",
        ),
    )
    for sentence in summarize(article, sentences=5).sentences:
        assert sentence.count('"') % 2 == 0, sentence
