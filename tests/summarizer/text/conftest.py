"""Fixtures shared by the text tests."""

from __future__ import annotations

import pytest

from summarizer.text.split import NewsTokenizer


@pytest.fixture(scope="module")
def tok() -> NewsTokenizer:
    """The English sentence splitter the summarizer uses."""
    return NewsTokenizer()
