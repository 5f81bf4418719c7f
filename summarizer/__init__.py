"""Pure text work: clean, split, score, select; company mentions and salience."""

from summarizer.algorithms import ALGORITHMS, DEFAULT_ALGORITHM, get_algorithm
from summarizer.article import Article
from summarizer.brief import BriefItem, brief
from summarizer.companies.matcher import (
    SUBJECT_THRESHOLD,
    CompanyEntry,
    CompanyMatcher,
    CompanyMention,
    load_registry,
)
from summarizer.errors import (
    EmptyArticleError,
    FetchError,
    InputError,
    NewsbotError,
    StorageError,
    UnknownAlgorithmError,
)
from summarizer.summarize import Summary, build_document, summarize
from summarizer.text.clean import article_from_parts, clean_html, clean_text, parse_article
from summarizer.text.split import NewsTokenizer, detect_language

__all__ = [
    "ALGORITHMS",
    "DEFAULT_ALGORITHM",
    "SUBJECT_THRESHOLD",
    "Article",
    "BriefItem",
    "CompanyEntry",
    "CompanyMatcher",
    "CompanyMention",
    "EmptyArticleError",
    "FetchError",
    "InputError",
    "NewsTokenizer",
    "NewsbotError",
    "StorageError",
    "Summary",
    "UnknownAlgorithmError",
    "article_from_parts",
    "brief",
    "build_document",
    "clean_html",
    "clean_text",
    "detect_language",
    "get_algorithm",
    "load_registry",
    "parse_article",
    "summarize",
]
