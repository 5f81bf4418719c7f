"""The company registry plus the custom names users chose to follow."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from storage.db import Database, guarded, json_ids
from storage.visibility import OWN_COMPANY
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
    created_by: int | None = None  # the chat that first followed a custom name

    def entry(self) -> CompanyEntry:
        """The company as the mention matcher wants it (registry extras included)."""
        known = {item.name: item for item in fields(CompanyEntry)}
        more: dict[str, Any] = {
            key: tuple(value) if isinstance(value, list) else value
            for key, value in self.extra.items()
            if key in known and key not in _BASE_FIELDS
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
_COLUMNS = "id, name, aliases, ticker, country, custom, extra, created_by"
_QUALIFIED = ", ".join(f"c.{column}" for column in _COLUMNS.split(", "))


def _company(row: Sequence[Any]) -> Company:
    aliases = tuple(str(item) for item in _json(row[2], []))
    return Company(row[0], row[1], aliases, row[3], row[4], bool(row[5]), _json(row[6], {}), row[7])


def _from_dict(row: dict[str, Any]) -> Company:
    return _company([row[name] for name in _COLUMNS.split(", ")])


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
        keeping its id and subscriptions; so does a renamed entry's row (``renamed_from``).
        Names dropped from the registry stay stored.
        """
        digest = _registry_hash(entries)
        if self._meta(_REGISTRY_KEY) == digest:
            return False
        with self.db.transaction():
            self._rename(entries)
            self.db.conn.executemany(
                """
                INSERT INTO companies (name, aliases, ticker, country, custom, extra)
                VALUES (?, ?, ?, ?, 0, ?)
                ON CONFLICT(name) DO UPDATE SET aliases = excluded.aliases,
                    ticker = excluded.ticker, country = excluded.country, custom = 0,
                    extra = excluded.extra
                """,
                [
                    (
                        e.name,
                        json.dumps(list(e.aliases), ensure_ascii=False),
                        e.ticker,
                        e.country,
                        _extra(e),
                    )
                    for e in entries
                ],
            )
            self.db.table("meta").upsert({"key": _REGISTRY_KEY, "value": digest}, pk="key")
        return True

    def _rename(self, entries: Sequence[CompanyEntry]) -> None:
        """Give a stored row under an entry's former display name the new name, unless a
        row with the new name exists (then both stay, as for any dropped name)."""
        self.db.conn.executemany(
            """
            UPDATE companies SET name = :new
            WHERE name = :old COLLATE NOCASE
              AND NOT EXISTS (SELECT 1 FROM companies WHERE name = :new COLLATE NOCASE)
            """,
            [{"new": e.name, "old": old} for e in entries for old in e.renamed_from],
        )

    def _meta(self, key: str) -> str | None:
        rows = self.db.table("meta").rows_where("key = ?", [key], select="value")
        return next((str(row["value"]) for row in rows), None)

    @guarded
    def all(self) -> list[Company]:
        """Every stored company, by name."""
        rows = self.db.table("companies").rows_where(select=_COLUMNS, order_by="name")
        return [_from_dict(row) for row in rows]

    def all_entries(self) -> list[CompanyEntry]:
        """Registry entries plus custom names users follow, ready for the matcher."""
        return [company.entry() for company in self.all()]

    @guarded
    def entries_after(self, after_id: int) -> list[tuple[int, CompanyEntry]]:
        """(id, entry) of the companies stored with an id above ``after_id``, oldest
        first: a matcher that knows the rows up to ``after_id`` learns only the rest."""
        rows = self.db.execute(
            f"SELECT {_COLUMNS} FROM companies WHERE id > ? ORDER BY id", [after_id]
        ).fetchall()
        return [(row[0], _company(row).entry()) for row in rows]

    @guarded
    def get(self, company_id: int, *, chat_id: int | None = None) -> Company | None:
        """The company with this id, or None; with ``chat_id``, None too for another chat's
        custom name (a button's id can be forged, and ids are sequential)."""
        if chat_id is None:
            rows = self.db.table("companies").rows_where("id = ?", [company_id], select=_COLUMNS)
            return next((_from_dict(row) for row in rows), None)
        row = self.db.execute(
            f"SELECT {_QUALIFIED} FROM companies AS c WHERE c.id = :id AND {OWN_COMPANY}",
            {"id": company_id, "chat": chat_id},
        ).fetchone()
        return _company(row) if row else None

    @guarded
    def get_by_name(self, name: str, *, tickers: bool = True) -> Company | None:
        """Exact name, else alias, else (with ``tickers``) ticker, case-insensitive; None
        when nothing matches."""
        text = " ".join((name or "").split())
        if not text:
            return None
        queries = [
            (f"SELECT {_COLUMNS} FROM companies WHERE name = ? COLLATE NOCASE", text),
            (
                f"""
            SELECT {_COLUMNS} FROM companies
            WHERE EXISTS (SELECT 1 FROM json_each(companies.aliases)
                          WHERE json_each.value = ? COLLATE NOCASE)
            ORDER BY custom, id LIMIT 1
            """,
                text,
            ),
        ]
        if tickers:
            queries.append(
                (
                    f"SELECT {_COLUMNS} FROM companies WHERE ticker = ? COLLATE NOCASE "
                    "ORDER BY custom, id LIMIT 1",
                    text.lstrip("$"),
                )
            )
        for sql, value in queries:
            row = self.db.execute(sql, [value]).fetchone()
            if row:
                return _company(row)
        return None

    @guarded
    def stored_names(self, names: Sequence[str]) -> set[str]:
        """Which of these names (any case) the table still holds, casefolded."""
        rows = self.db.execute(
            "SELECT n.value FROM json_each(?) AS n WHERE EXISTS "
            "(SELECT 1 FROM companies AS c WHERE c.name = n.value COLLATE NOCASE)",
            [json.dumps(list(names))],
        ).fetchall()
        return {str(row[0]).casefold() for row in rows}

    def id_for(self, name: str) -> int | None:
        """The id for a name, alias or ticker, or None."""
        company = self.get_by_name(name)
        return company.id if company else None

    @guarded
    def add_custom(self, name: str, *, chat_id: int | None = None, as_word: bool = False) -> int:
        """Store a name the registry lacks (or return the existing id); matched from now on.

        ``chat_id`` is the chat that asked for it: a new custom name is offered in
        suggestions to that chat (and to chats that follow it) only. ``as_word``: the
        name is also an ordinary word ("Ring"), matched in the registry's "word" mode
        (stored as ``ambiguous``, as registry entries keep it).
        """
        text = clean_name(name)
        existing = self.get_by_name(text)
        if existing is not None:
            return existing.id
        extra = json.dumps({"ambiguous": [text]} if as_word else {}, ensure_ascii=False)
        with self.db.transaction():
            # name is UNIQUE COLLATE NOCASE: lookup finds "xiaomi" for "Xiaomi" too.
            return int(
                self.db.table("companies").lookup(
                    {"name": text},
                    {"aliases": "[]", "custom": 1, "created_by": chat_id, "extra": extra},
                )
            )

    @guarded
    def offered_to(self, chat_id: int, names: Sequence[str]) -> list[Company]:
        """The named companies that may be suggested to a chat, in the order given.

        Registry companies, plus custom names the chat created or follows; another
        chat's custom names are left out.
        """
        rows = self.db.execute(
            f"""
            SELECT {_QUALIFIED} FROM json_each(:names) AS n
            JOIN companies AS c ON c.name = n.value COLLATE NOCASE
            WHERE {OWN_COMPANY} ORDER BY n.key
            """,
            {"names": json.dumps(list(names)), "chat": chat_id},
        ).fetchall()
        return [_company(row) for row in rows]

    def move_owner(self, old_id: int, new_id: int) -> None:
        """Custom names a chat created belong to its new id (part of a chat migration)."""
        self.db.execute(
            "UPDATE companies SET created_by = ? WHERE created_by = ?", [new_id, old_id]
        )

    def hand_over(self, chat_id: int) -> int:
        """The chat left (part of ``/stop``, after its subscriptions went): each name it made
        up passes to the chat that has followed it longest, so it stays private to the
        chats that follow it; a made-up name nobody follows is deleted, with its article
        links and the finished alerts of chats that once followed it (returns how many).

        Never ``created_by = NULL``: that marks a name the operator's news brought in, and
        such a name is shown to every chat once the operator's news names it
        (``storage.visibility.OWN_COMPANY``).
        """
        owned = json_ids(
            row["id"]
            for row in self.db.table("companies").rows_where(
                "created_by = ?", [chat_id], select="id"
            )
        )
        self.db.execute(
            """
            UPDATE companies SET created_by = (
                SELECT s.chat_id FROM subscriptions AS s WHERE s.company_id = companies.id
                ORDER BY s.created, s.chat_id LIMIT 1)
            WHERE id IN (SELECT value FROM json_each(?))
            """,
            [owned],
        )
        return self.db.execute(
            "DELETE FROM companies WHERE id IN (SELECT value FROM json_each(?)) "
            "AND created_by IS NULL AND custom = 1",
            [owned],
        ).rowcount
