"""The company matcher every part of the bot shares: shipped registry plus users' custom names."""

from __future__ import annotations

from typing import TYPE_CHECKING

import seeds
from summarizer.companies.matcher import CompanyEntry, CompanyMatcher, load_registry
from summarizer.companies.names import name_problem
from summarizer.errors import InputError

if TYPE_CHECKING:
    from storage.store import Store


def registry_entries() -> list[CompanyEntry]:
    """The company registry shipped in ``seeds/companies.json``."""
    try:
        text = seeds.companies_file().read_text(encoding="utf-8")
    except OSError as err:
        raise InputError("The shipped company registry (seeds/companies.json) is missing.") from err
    return load_registry(text)


def load_matcher(store: Store) -> CompanyMatcher:
    """Sync the shipped registry into ``store`` and match every stored company.

    Custom names users follow (``/subscribe Some Startup``) live in the same table,
    so articles get linked to them too. Build a new matcher after adding a name.
    """
    entries = registry_entries()
    store.companies.ensure_registry(entries)
    # Registry entries carry matching hints (ambiguous words, exclusions) the table does
    # not keep, so they come from the file; the table adds the users' custom names.
    return CompanyMatcher(entries).with_entries(store.companies.all_entries())


def new_name_problem(name: str) -> str | None:
    """Why ``name`` cannot be followed as a new (custom) company, as a reply text, or None.

    One-letter names, names over 100 characters, text without letters and single
    ordinary words ("Orange", "Next") would either match nothing useful or flood
    every chat that follows them, so they are refused with a reason. Registry names
    are resolved before this is asked, so "Next" the retailer still works.
    """
    return name_problem(name)
