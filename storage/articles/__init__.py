"""Stored articles: ``table.py`` writes them (de-duplicated, with their companies and
readers), ``queries.py`` reads them (recent, by company, search) for one chat or all."""

from storage.articles.queries import RECENCY, ArticleQueries, StoredArticle
from storage.articles.table import Articles

__all__ = ["RECENCY", "ArticleQueries", "Articles", "StoredArticle"]
