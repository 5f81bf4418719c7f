"""Which companies an article names, and which ones it is about.

The matching rules (whole words, longest alias wins, case modes, ambiguous names,
person names, exclusions, abbreviations, tickers, followed names) are written out
in ``summarizer/companies/README.md``.

Salience (``summarizer.companies.aboutness.salience``) ranks the companies; ``subject`` is
``salience >= SUBJECT_THRESHOLD``: the story is about that company.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence

from summarizer.article import Article
from summarizer.companies.aboutness.salience import Occurrence, score_companies
from summarizer.companies.finding.accepted import accepted_occurrences
from summarizer.companies.finding.discover import discover
from summarizer.companies.finding.recase import Group, merged, readable, spellings
from summarizer.companies.finding.scan import (
    EXACT,
    EXCLUDED,
    WORD,
    AliasIndex,
    alias_mode,
    fold,
    split_words,
)
from summarizer.companies.finding.spans import unclaimed
from summarizer.companies.registry.entries import (  # re-exported: callers import them from here
    CompanyEntry,
    CompanyMention,
    EntryNames,
    _bare_ticker_ok,
)
from summarizer.companies.registry.entries import load_registry as load_registry
from summarizer.companies.registry.names import reads_as_ticker, short_forms
from summarizer.companies.registry.plurals import number_variants
from summarizer.companies.registry.spellings import possessive_variants, spelling_variants
from summarizer.companies.registry.suggest import Compared, close_names
from summarizer.companies.registry.words import story_words

# Salience is the model's chance that the story is about the company (see salience.py):
# a subject is a company the story is more likely than not about.
SUBJECT_THRESHOLD = 0.5


def _key(text: str) -> str:
    """Lookup form of a name: words only, any case ("Apple, Inc." == "apple inc")."""
    # Folded once as a whole: folding maps each character on its own, so this is the
    # words folded one by one and joined.
    return " ".join(split_words(text)).replace("’", "'").casefold().lstrip("$")


class CompanyMatcher:
    """Finds registry companies in articles; resolves and suggests names users type."""

    def __init__(self, entries: Iterable[CompanyEntry], *, discover: bool = True) -> None:
        self.entries: tuple[CompanyEntry, ...] = tuple(entries)
        self._registry = len(self.entries)  # entries added later are names users follow
        self.discover = discover  # also report companies the registry lacks (discover.py)
        self._index = AliasIndex()
        self._lookup: dict[str, int] = {}  # names, aliases and tickers
        self._names: dict[str, int] = {}  # names and aliases, for suggestions
        # Entry -> its one-word short forms, folded ("freberg" of Freberg Ltd): guesses,
        # dropped in a story that uses them as a person's surname (``without_surnames``).
        self._short_words: dict[int, frozenset[str]] = {}
        for i, entry in enumerate(self.entries):
            self._add_entry(i, entry)
        for i, entry in enumerate(self.entries):  # after every name: none is taken from another
            self._add_other_forms(i, entry)
        for i, entry in enumerate(self.entries):  # a name or alias wins over a ticker ("BA")
            if entry.ticker:
                self._lookup.setdefault(_key(entry.ticker), i)
        self._choices = [key for key, i in self._names.items() if len(key) >= 3]
        self._compared: Compared | None = None  # of _choices, made on first use
        self._capitals: dict[str, tuple[Group, ...]] | None = None  # recase/
        self._parent: CompanyMatcher | None = None  # the matcher ``with_entries`` extended

    def _add_entry(self, i: int, entry: CompanyEntry) -> None:
        ambiguous = {a.casefold() for a in entry.ambiguous}
        aliases = (entry.name, *entry.aliases)
        for alias in (*aliases, *spelling_variants(aliases)):
            mode = alias_mode(alias, ambiguous=alias.casefold() in ambiguous)
            # An ambiguous abbreviation ("JAL", also a PC shop) counts only beside the full name.
            weak = mode == WORD and alias.isupper() and len(alias) <= 4
            self._index.add(alias, i, mode=mode, weak=weak)
            key = _key(alias)
            self._lookup.setdefault(key, i)
            self._names.setdefault(key, i)
        for phrase in entry.exclude:
            self._index.add(phrase, i, mode=EXCLUDED)
        if entry.ticker:
            bare_ok = _bare_ticker_ok(entry.ticker)
            self._index.add_ticker(entry.ticker, i, bare_ok=bare_ok)
            if bare_ok and _key(entry.ticker) not in self._lookup:
                self._index.add(entry.ticker, i, mode=EXACT)

    def _add_other_forms(self, i: int, entry: CompanyEntry) -> None:
        """ "Seibu Railways" is Seibu Railway and "Sainsburys" Sainsbury's, unless another
        company goes by that name."""
        ambiguous = {a.casefold() for a in entry.ambiguous}
        aliases = [a for a in (entry.name, *entry.aliases) if a.casefold() not in ambiguous]
        for variant in (*number_variants(aliases), *possessive_variants(aliases)):
            if (key := _key(variant)) not in self._lookup:
                self._index.add(variant, i, mode=alias_mode(variant, ambiguous=False))
                self._lookup[key] = self._names[key] = i

    def _add_short_forms(self, i: int, entry: CompanyEntry) -> None:
        """A name a user follows is also found as people shorten it ("Cadbury", "ISG")."""
        if entry.aliases:
            return  # described (a registry entry stored as custom): its aliases say it all
        forms = short_forms(entry.name)
        for form, weak in forms:
            self._index.add(form, i, mode=alias_mode(form, ambiguous=False), weak=weak)
        words = frozenset(fold(form) for form, _ in forms if len(split_words(form)) == 1)
        if words:
            self._short_words[i] = words

    def _add_followed(self, i: int, entry: CompanyEntry) -> None:
        """Index a name users follow (or one a story's discovery found), short forms too."""
        self._add_entry(i, entry)
        self._add_other_forms(i, entry)
        self._add_short_forms(i, entry)
        if entry.ticker:
            self._lookup.setdefault(_key(entry.ticker), i)

    def with_entries(self, extra: Iterable[CompanyEntry]) -> CompanyMatcher:
        """A matcher that also knows ``extra`` (names users follow that the registry lacks)."""
        known = {e.name.casefold() for e in self.entries}
        # A name that is only another company's ticker ("ATR") is still a company of its own.
        new = [
            e for e in extra if e.name.casefold() not in known and _key(e.name) not in self._names
        ]
        if not new:
            return self
        # Extending a copy keeps this cheap with a large registry (one per article when scoring).
        other = copy.copy(self)
        other.entries = (*self.entries, *new)
        other._index = self._index.copy()
        other._lookup, other._names = dict(self._lookup), dict(self._names)
        other._short_words = dict(self._short_words)
        for i, entry in enumerate(new, start=len(self.entries)):
            other._add_followed(i, entry)
        other._choices = [key for key in other._names if len(key) >= 3]
        # New keys come after this matcher's (dict order), so its compared names carry over.
        added = other._choices[len(self._choices) :]
        other._compared = None if self._compared is None else self._compared.extended(added)
        other._capitals = None
        # Spellings are the first matcher's plus every name added since (a full rebuild
        # takes ~90 ms), unless a new ticker changes which of its names are tickers. The
        # first, not this one: a bot extends its matcher once per name users follow, and
        # a chain of parents would keep every step's copy of the index alive.
        root = self._parent or self
        other._parent = root if other._index.bare == root._index.bare else None
        return other

    def resolve(self, text: str) -> CompanyEntry | None:
        """The company whose name, alias or ticker is exactly ``text`` (any case); a ticker
        that is also an ordinary word counts only written as one: "SKY" or "$SKY" is
        Champion Homes, "Sky" is not (a user means the broadcaster)."""
        key = _key(text)
        i = self._names.get(key)
        if i is None and reads_as_ticker(text):
            i = self._lookup.get(key)
        return None if i is None else self.entries[i]

    def suggest(self, text: str, limit: int = 3) -> list[str]:
        """Company names close to a misspelt ``text`` ("Xaomi" -> ["Xiaomi"];
        ``suggest.close_names`` says which are close)."""
        if self._compared is None:
            self._compared = Compared(self._choices)
        names: list[str] = []
        for choice in close_names(text, self._choices, limit, compared=self._compared):
            name = self.entries[self._names[choice]].name
            if name not in names:
                names.append(name)
        return names[:limit]

    def occurrences(
        self, parts: Sequence[str], words: list[bytes] | None = None
    ) -> list[Occurrence]:
        """Accepted mentions in ``parts`` (part 0 = headline, then paragraphs); ``words``:
        their ``story_words``, if already cut (``finding/accepted.py`` says which count)."""
        return accepted_occurrences(
            self._index,
            self.entries,
            parts,
            registry=self._registry,
            short_words=self._short_words,
            words=words,
        )

    def find(self, article: Article) -> list[CompanyMention]:
        """Companies the article names, most salient first."""
        # Text with no capitals, or only capitals, gets those its names need (recase/);
        # salience then reads the same text.
        parts = readable([article.title, *article.paragraphs], self._spelled)
        occs, names = self._scored(parts)
        scores = score_companies(occs, parts)
        return [
            CompanyMention(
                name=names[s.entry],
                salience=s.salience,
                subject=s.salience >= SUBJECT_THRESHOLD,
                mentions=s.mentions,
            )
            for s in scores
        ]

    def scored_occurrences(self, parts: Sequence[str]) -> tuple[list[Occurrence], EntryNames]:
        """Every occurrence salience is computed from (registry and discovered companies),
        and the company name for each entry number."""
        return self._scored(readable(parts, self._spelled))

    def _scored(self, parts: Sequence[str]) -> tuple[list[Occurrence], EntryNames]:
        words = story_words(parts)  # cut once: matching and discovery both read them
        occs = self.occurrences(parts, words)
        more: list[str] = []  # names the registry lacks, numbered after its entries
        if self.discover:
            found, more = self._discovered(parts, occs, words)
            occs = occs + found
        return occs, EntryNames(self.entries, more)

    def _spelled(self) -> dict[str, tuple[Group, ...]]:
        if self._capitals is not None:
            return self._capitals
        # Built on first use: most text keeps its capitals.
        grams, base = self._index.grams, self._parent
        if base is None:
            self._capitals = spellings(grams, tickers=self._index.bare)
            return self._capitals
        # Only the aliases ``with_entries`` added: new grams, or refs after the base's.
        was = base._index.grams
        added = {
            k: refs[len(was.get(k, ())) :] for k, refs in grams.items() if refs is not was.get(k)
        }
        self._capitals = merged(base._spelled(), spellings(added, tickers=self._index.bare))
        return self._capitals

    def _discovered(
        self, parts: Sequence[str], occs: Sequence[Occurrence], words: list[bytes] | None = None
    ) -> tuple[list[Occurrence], list[str]]:
        """Occurrences of companies the registry lacks, numbered after the registry's."""
        names = discover(parts, known=self._names, words=words)  # no tickers ("Safe Deposit")
        if not names:
            return [], []
        # Indexed as ``with_entries`` would extend an empty matcher, without copying one:
        # only ``occurrences`` is asked of it.
        local = CompanyMatcher((), discover=False)
        local.entries = tuple(CompanyEntry(n) for n in names)
        for i, entry in enumerate(local.entries):
            local._add_followed(i, entry)
        offset = len(self.entries)
        found = [
            Occurrence(o.entry + offset, o.part, o.start, o.end)  # not ``replace``: 5x slower
            for o in unclaimed(local.occurrences(local._could_hold(parts)), occs)
        ]
        return found, [e.name for e in local.entries]

    def _could_hold(self, parts: Sequence[str]) -> list[str]:
        """``parts`` with "" for those holding no first word of an alias (no tickers here):
        a small matcher then skips them instead of scanning every word of the story."""
        firsts = tuple(self._index.first)
        # Each part folded once, not once per first word tried.
        return [text if any(map(fold(text).__contains__, firsts)) else "" for text in parts]

    def mentions_in(self, text: str) -> dict[str, int]:
        """Mentions per company name in a piece of text (e.g. one sentence)."""
        counts: dict[str, int] = {}
        for occ in self.occurrences(["", text]):
            name = self.entries[occ.entry].name
            counts[name] = counts.get(name, 0) + 1
        return counts

    def keys_of(self, name: str) -> set[str]:
        """Comparable forms of a company's name and aliases (for scoring against labels)."""
        return {_key(alias) for alias in self.aliases_of(name)}

    def aliases_of(self, name: str) -> tuple[str, ...]:
        """Every alias of a company (name first), for focusing summaries on it."""
        entry = self.resolve(name)
        if entry is None:
            return (name,)
        return (entry.name, *entry.aliases)
