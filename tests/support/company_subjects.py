"""Which followed companies a story is about: the check the company-rule tests share."""

from __future__ import annotations

from summarizer.article import Article
from summarizer.companies.matcher import CompanyEntry, CompanyMatcher


def subjects(names: list[str], *paragraphs: str) -> dict[str, bool]:
    """Subject or not, per company found, with only ``names`` followed (no registry), in an
    untitled story of ``paragraphs``."""
    matcher = CompanyMatcher(()).with_entries([CompanyEntry(n) for n in names])
    return {m.name: m.subject for m in matcher.find(Article("", paragraphs))}
