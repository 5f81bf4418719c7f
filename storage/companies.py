"""The company registry plus the custom names users chose to follow."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from storage.db import Database, guarded
from summarizer.companies.matcher import CompanyEntry
from summarizer.errors import InputError

MAX_NAME_LENGTH = 100
_INVISIBLE = frozenset("\u200b\u2060\ufeff")
_REGISTRY_KEY = "registry_hash"


@dataclass(frozen=True, slots=True)
class Company:
    """A stored company; ``custom`` names were added by a user, not the registry."""

    id: int
    name: str
    aliases: tuple[str, ...]
    ticker: str | None
    country: str | None
    custom: bool
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def entry(self) -> CompanyEntry:
        """The company as the mention matcher wants it (registry extras included)."""
        known = {item.name: item for item in fields(CompanyEntry)}
        more = {
            key: tuple(value) if isinstance(value, list) else value
            for key, value in self.extra.items() if key in known and key not in _BASE_FIELDS
        }
        return CompanyEntry(self.name, self.aliases, self.ticker, self.country, **more)


def clean_name(name: str) -> str:
    """A company name as typed by a user, trimmed; InputError if unusable."""
    text = " ".join(unicodedata.normalize("NFKC", name or "").split())
    # Drop control characters and invisible spaces, keep joiners some scripts need.
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cc" and ch not in _INVISIBLE)
    if not text:
        raise InputError("Please give a company name, for example: /subscribe Xiaomi")
    if len(text) > MAX_NAME_LENGTH:
        raise InputError(f"A company name can have at most {MAX_NAME_LENGTH} characters.")
    if not any(ch.isalnum() for ch in text):
        raise InputError("A company name needs at least one letter or digit.")
    return text


def _json(text: str | None, default: Any) -> Any:
    try:
        value = json.loads(text or "null")
    except ValueError:
        return default
    return value if isinstance(value, type(default)) else default


_BASE_FIELDS = frozenset({"name", "aliases", "ticker", "country"})
_COLUMNS = "id, name, aliases, ticker, country, custom, extra"


def _company(row: Sequence[Any]) -> Company:
    aliases = tuple(str(item) for item in _json(row[2], []))
    return Company(row[0], row[1], aliases, row[3], row[4], bool(row[5]), _json(row[6], {}))


def _extra(entry: CompanyEntry) -> str:
    data = {k: v for k, v in asdict(entry).items() if k not in _BASE_FIELDS and v not in ((), None)}
    return json.dumps(data, ensure_ascii=False, sort_keys=True, default=list)


def _registry_hash(entries: Sequence[CompanyEntry]) -> str:
    payload = [asdict(entry) for entry in entries]
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=list).encode()).hexdigest()


class Companies:
    """The ``companies`` table: the shipped registry and users' custom names."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @guarded
    def ensure_registry(self, entries: Sequence[CompanyEntry]) -> bool:
        """Load the registry into the table; returns False when it was already current.

        A registry name a user had followed as a custom name becomes a registry entry,
        keeping its id and subscriptions. Names dropped from the registry stay stored.
        """
        digest = _registry_hash(entries)
        if self._meta(_REGISTRY_KEY) == digest:
            return False
        with self.db.transaction():
            self.db.conn.executemany(
                """
                INSERT INTO companies (name, aliases, ticker, country, custom, extra)
                VALUES (?, ?, ?, ?, 0, ?)
                ON CONFLICT(name) DO UPDATE SET aliases = excluded.aliases,
                    ticker = excluded.ticker, country = excluded.country, custom = 0,
                    extra = excluded.extra
                """,
                [
                    (e.name, json.dumps(list(e.aliases), ensure_ascii=False), e.ticker,
                     e.country, _extra(e))
                    for e in entries
                ],
            )
            self.db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [_REGISTRY_KEY, digest],
            )
        return True

    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    @guarded
    def all(self) -> list[Company]:
        """Every stored company, by name."""
        rows = self.db.execute(f"SELECT {_COLUMNS} FROM companies ORDER BY name").fetchall()
        return [_company(row) for row in rows]

    def all_entries(self) -> list[CompanyEntry]:
        """Registry entries plus custom names users follow, ready for the matcher."""
        return [company.entry() for company in self.all()]

    @guarded
    def get(self, company_id: int) -> Company | None:
        """The company with this id, or None."""
        row = self.db.execute(
            f"SELECT {_COLUMNS} FROM companies WHERE id = ?", [company_id]
        ).fetchone()
        return _company(row) if row else None

    @guarded
    def get_by_name(self, name: str) -> Company | None:
        """Exact name, alias or ticker, case-insensitive; None when nothing matches."""
        text = " ".join((name or "").split())
        if not text:
            return None
        row = self.db.execute(
            f"SELECT {_COLUMNS} FROM companies WHERE name = ? COLLATE NOCASE", [text]
        ).fetchone() or self.db.execute(
            f"""
            SELECT {_COLUMNS} FROM companies
            WHERE ticker = ? COLLATE NOCASE
               OR EXISTS (SELECT 1 FROM json_each(companies.aliases)
                          WHERE json_each.value = ? COLLATE NOCASE)
            ORDER BY custom, id LIMIT 1
            """,
            [text, text],
        ).fetchone()
        return _company(row) if row else None

    def id_for(self, name: str) -> int | None:
        """The id for a name, alias or ticker, or None."""
        company = self.get_by_name(name)
        return company.id if company else None

    @guarded
    def add_custom(self, name: str) -> int:
        """Store a name the registry lacks (or return the existing id); matched from now on."""
        text = clean_name(name)
        existing = self.get_by_name(text)
        if existing is not None:
            return existing.id
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO companies (name, aliases, custom) VALUES (?, '[]', 1) "
                "ON CONFLICT(name) DO NOTHING",
                [text],
            )
            row = self.db.execute(
                "SELECT id FROM companies WHERE name = ? COLLATE NOCASE", [text]
            ).fetchone()
            return int(row[0])

    @guarded
    def count(self) -> int:
        """How many companies are stored."""
        return int(self.db.execute("SELECT COUNT(*) FROM companies").fetchone()[0])
