"""Salience reads "the two companies", "the firms" after companies named together as a
mention of each of them: a story about several parties has several subjects."""

from __future__ import annotations

import pytest

from seeds import companies_file
from summarizer.article import Article
from summarizer.companies.aboutness.occurrences import Occurrence, with_group_references
from summarizer.companies.matcher import CompanyMatcher, load_registry


@pytest.fixture(scope="module")
def matcher() -> CompanyMatcher:
    return CompanyMatcher(load_registry(companies_file().read_text(encoding="utf-8")))


def _subjects(matcher: CompanyMatcher, article: Article) -> set[str]:
    return {m.name for m in matcher.find(article) if m.subject}


def test_both_companies_fined_together_are_subjects(matcher: CompanyMatcher) -> None:
    story = Article(
        "Brewers fined over price fixing",
        (
            "Dutch competition regulators have fined Heineken and Carlsberg for fixing the "
            "price of beer sold to bars and restaurants.",
            "The two companies must pay a combined 200m euros. The regulator said the firms "
            "had met in secret for six years to agree prices with each other.",
            "Heineken said it would appeal against the ruling and that it had always acted "
            "within the law. Smaller brewers were not involved in the case.",
        ),
    )
    assert _subjects(matcher, story) == {"Heineken", "Carlsberg"}


def test_every_defendant_listed_once_is_a_subject(matcher: CompanyMatcher) -> None:
    story = Article(
        "Airlines face cargo cartel claims",
        (
            "Freight forwarders have filed a lawsuit in New York claiming damages for "
            "surcharges on air cargo.",
            "Among the accused are British Airways, Lufthansa, Cathay Pacific, Qantas and "
            "Singapore Airlines. Lawyers for the forwarders say the surcharges were fixed in "
            "telephone calls between managers.",
            "The airlines deny the claims. The companies said they would defend themselves in "
            "court. A ruling is not expected before next year.",
        ),
    )
    assert _subjects(matcher, story) == {
        "British Airways",
        "Lufthansa",
        "Cathay Pacific",
        "Qantas",
        "Singapore Airlines",
    }


def test_a_pair_named_in_passing_does_not_take_the_parties_references(
    matcher: CompanyMatcher,
) -> None:
    # "both companies" are the buyer and the bought one the headline names, not the two
    # rivals listed for comparison.
    story = Article(
        "Kmart to buy Sears",
        (
            "Discount retailer Kmart announced on Wednesday that it will buy department store "
            "chain Sears in an $11bn deal, creating the third-largest US retailer after "
            "Wal-Mart and Home Depot.",
            "The combined group will have 3,500 stores. Kmart's chairman will chair the new "
            "company, while the chief executive of Sears will run it.",
            "Shares of both companies soared after the announcement.",
        ),
    )
    assert _subjects(matcher, story) == {"Kmart", "Sears Holdings"}


def test_a_reference_goes_to_a_list_of_as_many_companies_and_never_to_other_ones() -> None:
    parts = [
        "",
        "Trading was quiet. Alpha and Beta agreed terms. Gamma, Delta and Epsilon watched.",
        "The three companies said nothing; the two firms did. The other firms waited.",
    ]
    names = ("Alpha", "Beta", "Gamma", "Delta", "Epsilon")
    occs = [
        Occurrence(k, 1, parts[1].index(n), parts[1].index(n) + len(n)) for k, n in enumerate(names)
    ]
    # No company heads the story, so every list may be meant.
    extra = with_group_references(occs, parts)[len(occs) :]
    said = {(parts[o.part][o.start : o.end], o.entry) for o in extra}
    assert said == {
        ("The three companies", 2),
        ("The three companies", 3),
        ("The three companies", 4),
        ("the two firms", 0),
        ("the two firms", 1),
    }
    # A comma alone lists nothing ("Owned by Alpha, Beta says ..."): no reference is credited.
    owned = ["", "Owned by Alpha, Beta says both firms are fine."]
    pair = [Occurrence(0, 1, 9, 14), Occurrence(1, 1, 16, 20)]
    assert with_group_references(pair, owned) == pair
