"""Pure text work: clean, split, score, select; company mentions and salience."""

from summarizer.article import Article
from summarizer.errors import (
    EmptyArticleError,
    FetchError,
    InputError,
    NewsbotError,
    StorageError,
    UnknownAlgorithmError,
)
from summarizer.tokenize import NewsTokenizer

__all__ = [
    "Article",
    "EmptyArticleError",
    "FetchError",
    "InputError",
    "NewsTokenizer",
    "NewsbotError",
    "StorageError",
    "UnknownAlgorithmError",
]
