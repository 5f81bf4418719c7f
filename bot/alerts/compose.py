"""What one chat receives next, given the alerts waiting for it.

Rules, in order (each call returns one message and the alert rows it covers):

1. Digest rows (released at the chat's hour) become the digest, one part per call.
2. A backlog (a returning chat's catch-up rows, more stories than ``catch_up_after``,
   or alerts older than ``stale_after``) becomes ONE catch-up message: never a flood.
3. A copy of a story the chat already got as an alert (within ``merge_window``) edits
   that message to add "+N sources" instead of sending the story again.
4. Otherwise the oldest story is sent as an alert, with its near-duplicate copies from
   other sources folded in as "+N sources".
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from bot.alerts.format import (
    AlertView,
    DigestEntry,
    Rendered,
    Story,
    alert_message,
    catch_up_message,
    digest_messages,
    outlet,
)
from bot.alerts.options import item_topic
from storage.outbox.queries import OutboxItem
from storage.settings import stored_settings
from summarizer.article import Article
from summarizer.errors import NewsbotError
from summarizer.text.similarity import MIN_OVERLAP, overlap, shingles

_CACHE_SIZE = 4096


class _ArticleSource(Protocol):
    def article_text(self, article_id: int) -> tuple[str, str] | None: ...

    def recent_alerts(self, chat_id: int, *, since: float) -> list[tuple[OutboxItem, int]]: ...

    def sent_articles(self, chat_id: int, *, since: float) -> list[int]: ...


@dataclass(frozen=True, slots=True)
class Delivery:
    """One message for one chat and the outbox rows it delivers."""

    kind: str  # "alert" | "merge" | "digest" | "catchup" | "repeat" (no message: see _digest)
    rendered: Rendered
    ids: tuple[int, ...]
    preview: bool = True
    edit_message_id: int | None = None  # "merge": the earlier alert message to update

    @property
    def note(self) -> str | None:
        """How the rows were delivered, as recorded in the outbox."""
        notes = {"merge": "merged", "digest": "digest", "catchup": "catch-up", "repeat": "repeat"}
        return notes.get(self.kind)


class _Lru(OrderedDict):
    def remember(self, key: object, make: Callable[[], object]) -> object:
        if key in self:
            self.move_to_end(key)
            return self[key]
        value = self[key] = make()
        if len(self) > _CACHE_SIZE:
            self.popitem(last=False)
        return value


class Composer:
    """Builds deliveries; caches article text, summaries and shingles across chats."""

    def __init__(
        self,
        *,
        articles: _ArticleSource,
        algorithm: str | None = None,
        catch_up_after: int = 5,
        stale_after: float = 6 * 3600.0,
        merge_window: float = 24 * 3600.0,
        aliases: Callable[[str], Sequence[str]] | None = None,
    ) -> None:
        self._articles = articles
        # The other names of a followed company ("Alphabet" for Google): an alert's summary
        # opens on a sentence naming it under any of them, as /news does.
        self._aliases = aliases
        self._algorithm = algorithm
        self.catch_up_after = catch_up_after
        self.stale_after = stale_after
        self.merge_window = merge_window
        self._text = _Lru()
        # (chat, topic) -> the rows of a digest part just composed, and the rows it left
        self._digest_rest: OrderedDict[
            tuple[int, int | None], tuple[frozenset[int], frozenset[int]]
        ] = OrderedDict()
        self._summaries = _Lru()
        self._shingles = _Lru()
        self._rendered = _Lru()

    def next_delivery(self, items: Sequence[OutboxItem], *, now: float) -> Delivery | None:
        """The next message for a chat whose waiting alerts are ``items`` (oldest first);
        one message holds only alerts bound for the same forum topic."""
        if not items:
            return None
        topic = item_topic(items[0])
        items = [i for i in items if item_topic(i) == topic]
        digest = [i for i in items if i.mode == "digest"]
        if digest:
            return self._digest(digest, now=now)
        groups = self._group(items)
        late = (
            any(i.mode == "catchup" for i in items)
            or min(i.created for i in items) < now - self.stale_after
        )
        if late or len(groups) > self.catch_up_after:
            entries = [self._entry(group, sentences=1) for group in groups]
            message = catch_up_message(entries, late=late)
            return Delivery("catchup", message, tuple(i.id for i in items), preview=False)
        return self._merge(groups[0], now=now) or self.standalone(groups[0])

    def standalone(self, group: Sequence[OutboxItem]) -> Delivery:
        """``group`` (copies of one story) as a new alert message."""
        sentences = stored_settings(group[0].settings).summary_sentences
        key = (tuple(i.article_id for i in group), group[0].company_id, sentences)
        rendered = self._rendered.remember(  # the same message for every chat of a fan-out
            key, lambda: alert_message(self._view(list(group), sentences=sentences))
        )
        return Delivery("alert", rendered, tuple(i.id for i in group))  # type: ignore[arg-type]

    def _merge(self, group: list[OutboxItem], *, now: float) -> Delivery | None:
        """An edit of the chat's earlier alert about the same story, if there is one."""
        lead = group[0]
        recent = self._articles.recent_alerts(lead.chat_id, since=now - self.merge_window)
        by_message: dict[int, list[OutboxItem]] = {}
        topic = item_topic(lead)
        for item, message_id in recent:
            if item_topic(item) != topic:
                continue  # a message in another topic: this copy is news here
            by_message.setdefault(message_id, []).append(item)
        mine = self._shingles_of(lead.article_id)
        for message_id, earlier in reversed(by_message.items()):  # the newest first
            if overlap(self._shingles_of(earlier[0].article_id), mine) >= MIN_OVERLAP:
                ids = tuple(i.id for i in group)
                if not _new_outlets(earlier, group):  # the message would read the same
                    return Delivery("repeat", Rendered(""), ids, preview=False)
                sentences = stored_settings(lead.settings).summary_sentences
                view = self._view([*earlier, *group], sentences=sentences)
                return Delivery("merge", alert_message(view), ids, edit_message_id=message_id)
        return None

    def _digest(self, items: list[OutboxItem], *, now: float) -> Delivery:
        """The digest's next part. Copies of a story the chat was sent within
        ``merge_window`` (another outlet's, arriving after yesterday's digest) are left
        out, their rows settled with this part; when nothing else waits, a "repeat"
        delivery settles them without any message. A digest too long for one message
        goes out one part per call, each composed from the rows left: the parts after the
        first say "continued" (counted again, one digest of 33 stories read "33 stories",
        then "19 stories", then "5 stories")."""
        groups, repeats = self._new_stories(items, now=now)
        repeated = tuple(i.id for group in repeats for i in group)
        if not groups:
            return Delivery("repeat", Rendered(""), repeated, preview=False)
        entries = [self._entry(group, sentences=1) for group in groups]
        key, mine = (items[0].chat_id, item_topic(items[0])), frozenset(i.id for i in items)
        told = self._digest_rest.pop(key, None)
        # Continued: rows of the last part are not here (a retried part is no continuation)
        # and rows it left are (with rows claimed since, when a claim cut the digest).
        if told is not None and not mine & told[0] and mine & told[1]:
            heading = "Your daily digest (continued)"
        else:
            heading = f"Your daily digest: {len(entries)} stor{'y' if len(entries) == 1 else 'ies'}"
        parts = digest_messages(entries, heading=heading)
        rendered, ids = parts[0]
        if len(parts) > 1:
            done = frozenset((*ids, *repeated))
            self._digest_rest[key] = (done, mine - done)
            if len(self._digest_rest) > _CACHE_SIZE:
                self._digest_rest.popitem(last=False)
        return Delivery("digest", rendered, (*ids, *repeated), preview=False)

    def _new_stories(
        self, items: list[OutboxItem], *, now: float
    ) -> tuple[list[list[OutboxItem]], list[list[OutboxItem]]]:
        """The stories of ``items`` (copies grouped), as those the chat has not had lately
        and those it has (a copy of an article sent within ``merge_window``)."""
        since = now - self.merge_window
        sent = [
            self._shingles_of(a)
            for a in self._articles.sent_articles(items[0].chat_id, since=since)
        ]
        fresh: list[list[OutboxItem]] = []
        repeats: list[list[OutboxItem]] = []
        for group in self._group(items):
            mine = self._shingles_of(group[0].article_id)
            had = any(overlap(earlier, mine) >= MIN_OVERLAP for earlier in sent)
            (repeats if had else fresh).append(group)
        return fresh, repeats

    def _entry(self, group: list[OutboxItem], *, sentences: int) -> DigestEntry:
        view = self._view(group, sentences=sentences)
        return DigestEntry(view.company, view, tuple(i.id for i in group))

    def _group(self, items: Sequence[OutboxItem]) -> list[list[OutboxItem]]:
        """Near-duplicate copies of a story (any source) fall into the first copy's group."""
        groups: list[list[OutboxItem]] = []
        for item in items:
            mine = self._shingles_of(item.article_id)
            for group in groups:
                if overlap(self._shingles_of(group[0].article_id), mine) >= MIN_OVERLAP:
                    group.append(item)
                    break
            else:
                groups.append([item])
        return groups

    def _view(self, group: list[OutboxItem], *, sentences: int) -> AlertView:
        lead = group[0]
        others = tuple(Story(i.title, i.url, i.source, i.article_id) for i in group[1:])
        story = Story(lead.title, lead.url, lead.source, lead.article_id, lead.published)
        return AlertView(
            lead.company_id, lead.company, story, self._summary(lead, sentences), others
        )

    def _article(self, article_id: int) -> tuple[str, str]:
        return self._text.remember(  # type: ignore[return-value]
            article_id, lambda: self._articles.article_text(article_id) or ("", "")
        )

    def _shingles_of(self, article_id: int) -> frozenset[int]:
        def make() -> frozenset[int]:
            title, body = self._article(article_id)
            return shingles(body or title)

        return self._shingles.remember(article_id, make)  # type: ignore[return-value]

    def _summary(self, item: OutboxItem, sentences: int) -> tuple[str, ...]:
        key = (item.article_id, item.company, sentences)
        return self._summaries.remember(  # type: ignore[return-value]
            key, lambda: self._summarize(item, sentences)
        )

    def _other_names(self, company: str) -> tuple[str, ...]:
        if not company or self._aliases is None:
            return ()
        return tuple(self._aliases(company))

    def _summarize(self, item: OutboxItem, sentences: int) -> tuple[str, ...]:
        from summarizer.summarize import summarize

        title, body = self._article(item.article_id)
        try:
            summary = summarize(
                Article.from_body(title, body, url=item.url, source=item.source),
                sentences=sentences,
                algorithm=self._algorithm,
                company=item.company,
                aliases=self._other_names(item.company),
            )
        except NewsbotError:
            return ()  # the headline and link still reach the subscriber
        return tuple(summary.sentences)


def _new_outlets(earlier: Sequence[OutboxItem], copies: Sequence[OutboxItem]) -> bool:
    """Whether ``copies`` add an outlet the earlier message does not name already."""
    named = {outlet(i.source, i.url) for i in earlier}
    fresh = (outlet(i.source, i.url) for i in copies)
    return any(name is None or name not in named for name in fresh)  # unknown: may be new
