"""Data shipped with newsbot: sample articles and the company registry.

Kept as a package so an installed ``newsbot`` finds the files next to its code.
"""

from importlib.resources import files
from importlib.resources.abc import Traversable


def articles_dir() -> Traversable:
    """The folder of sample articles the embedded default loads."""
    return files(__name__) / "articles"


def companies_file() -> Traversable:
    """The company registry (JSON list of {name, aliases, ticker, country})."""
    return files(__name__) / "companies.json"


def seed_article() -> Traversable:
    """The original sample article: a web page saved as text, boilerplate included."""
    return articles_dir() / "xiaomi-ev-race.txt"
