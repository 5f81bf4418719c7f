"""Data shipped with newsbot: sample articles and the company registry.

Kept as a package so an installed ``newsbot`` finds the files next to its code.
``sample/wikinews.jsonl`` holds real news from Wikinews (CC BY 2.5 / public domain;
see ``sample/DATA_LICENSE``); ``articles/`` holds newsbot's own sample web page.
"""

from importlib.resources import files
from importlib.resources.abc import Traversable


def articles_dir() -> Traversable:
    """The folder with newsbot's own sample web page (one article)."""
    return files(__name__) / "articles"


def companies_file() -> Traversable:
    """The company registry (JSON list of {name, aliases, ticker, country})."""
    return files(__name__) / "companies.json"


def seed_article() -> Traversable:
    """The original sample article: a web page saved as text, boilerplate included."""
    return articles_dir() / "xiaomi-ev-race.txt"


def sample_file() -> Traversable:
    """Real Wikinews articles, one JSON object a line: title, body, url, published, source,
    license, and ``replay`` (a position) on the few the terminal chat publishes over time."""
    return files(__name__) / "sample" / "wikinews.jsonl"


def sample_license() -> Traversable:
    """The sample's attribution and license text."""
    return files(__name__) / "sample" / "DATA_LICENSE"
