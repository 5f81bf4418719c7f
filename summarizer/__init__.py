"""Pure text work: clean, split, score, select; company mentions and salience.

Sub-packages: ``summarizer.text`` (clean, split, similarity), ``summarizer.algorithms``
(one algorithm per module), ``summarizer.companies`` (registry matching, salience) and
``summarizer.evaluation`` (ROUGE; needs the ``eval`` extra). The functions
``summarize`` and ``brief`` are imported from their modules (``summarizer.summarize``,
``summarizer.brief``), whose names they share. The names below are loaded
on first use, so importing ``summarizer.errors`` (the CLI does at start-up) stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "ALGORITHMS": "summarizer.algorithms",
    "DEFAULT_ALGORITHM": "summarizer.algorithms",
    "get_algorithm": "summarizer.algorithms",
    "Article": "summarizer.article",
    "BriefItem": "summarizer.brief",
    "article_from_parts": "summarizer.text.clean",
    "clean_html": "summarizer.text.clean",
    "clean_text": "summarizer.text.clean",
    "parse_article": "summarizer.text.clean",
    "NewsTokenizer": "summarizer.text.split",
    "detect_language": "summarizer.text.split",
    "SUBJECT_THRESHOLD": "summarizer.companies.matcher",
    "CompanyEntry": "summarizer.companies.matcher",
    "CompanyMatcher": "summarizer.companies.matcher",
    "CompanyMention": "summarizer.companies.matcher",
    "load_registry": "summarizer.companies.matcher",
    "Summary": "summarizer.summarize",
    "build_document": "summarizer.summarize",
    "EmptyArticleError": "summarizer.errors",
    "FetchError": "summarizer.errors",
    "InputError": "summarizer.errors",
    "NewsbotError": "summarizer.errors",
    "StorageError": "summarizer.errors",
    "UnknownAlgorithmError": "summarizer.errors",
    "UsageError": "summarizer.errors",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'summarizer' has no attribute {name!r}")
    return getattr(import_module(_EXPORTS[name]), name)
