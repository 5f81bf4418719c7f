"""Figures credited to a company named with its kind mark it as a source (guide rule 7)."""

from __future__ import annotations

from summarizer.article import Article
from summarizer.companies.aboutness.cues import is_source
from summarizer.companies.matcher import CompanyEntry, CompanyMatcher


def test_according_to_or_figures_from_a_company_of_some_kind() -> None:
    assert is_source("prices fell, according to the online estate agency ", ". it said")
    assert is_source("the figures, from call-screening firm ", ", show a rise")
    assert is_source("says a recent report from ", ".")
    # Someone of the company speaks for it: it acts rather than supplies figures.
    assert not is_source("according to a statement released by ", ", the plant")
    assert not is_source("according to the head of ", ", sales rose")


def test_a_firm_whose_figures_a_story_reports_is_no_subject() -> None:
    matcher = CompanyMatcher(()).with_entries([CompanyEntry("Pellmark Data")])
    story = Article(
        "Phone scams on the rise",
        (
            "Phone scams rose by a third last year, with older people the most common "
            "targets. The figures, from call-screening firm Pellmark Data, will worry banks "
            "already struggling with fraud. Most calls now claim to come from a bank or the tax "
            "office. Fake delivery texts also rose, according to the call-screening company "
            'Pellmark Data. "People are told their account is at risk," said Jo Hart, a '
            "director of Pellmark Data. Pellmark Data said calls peaked in January.",
        ),
    )
    assert [m.subject for m in matcher.find(story)] == [False]
