"""An outlet's own second copy of a story (re-published under a new address, say after an
edit) is no other source: never "Read at Reuters · +1 source: Reuters"."""

from __future__ import annotations

import time

from bot.alerts.compose import Composer
from storage import Store

STORY = (
    "Xiaomi said on Thursday it would build a second car factory in Beijing, doubling its "
    "capacity. The company expects deliveries to reach 300,000 cars next year.\n\n"
    "Analysts said the move puts pressure on rivals in the crowded Chinese market."
)


def _next(store: Store, composer: Composer):
    items = store.outbox.claim(limit=100, now=time.time() + 1)
    return composer.next_delivery(items, now=time.time())


def test_an_outlets_second_copy_does_not_edit_its_alert_into_two_sources(
    store: Store, world
) -> None:
    world.chat(1, "Xiaomi")
    composer = Composer(articles=store.outbox)
    store.outbox.enqueue_for_article(world.article({"Xiaomi": 0.9}, body=STORY, source="Reuters"))
    first = _next(store, composer)
    store.outbox.mark_sent([(i, 77) for i in first.ids])
    edited = world.article({"Xiaomi": 0.9}, body=STORY + "\n\nUpdated.", source="Reuters")
    store.outbox.enqueue_for_article(edited)
    again = _next(store, composer)
    assert again is not None and again.kind == "repeat" and again.edit_message_id is None
    store.outbox.mark_sent([(i, None, "repeat") for i in again.ids])
    # Another outlet's copy, waiting beside a third Reuters one, is the one other source.
    for source in ("Reuters", "AP"):
        body = f"{STORY}\n\nMore from {source}."
        store.outbox.enqueue_for_article(world.article({"Xiaomi": 0.9}, body=body, source=source))
    merged = _next(store, composer)
    assert merged is not None and (merged.kind, merged.edit_message_id) == ("merge", 77)
    assert "Read at Reuters</a> · +1 source: <a" in merged.rendered.text
    assert merged.rendered.text.endswith(">AP</a>")


def test_a_digest_counts_other_outlets_only(store: Store, world) -> None:
    world.chat(1, "Xiaomi", mode="digest")
    for source in ("Reuters", "Reuters", "AP"):
        body = f"{STORY}\n\nMore from {source} {time.time()}."
        store.outbox.enqueue_for_article(world.article({"Xiaomi": 0.9}, body=body, source=source))
    store.outbox.release_digest(1, "2026-05-01T08:00+00:00")
    digest = _next(store, Composer(articles=store.outbox))
    assert digest is not None and digest.kind == "digest" and len(digest.ids) == 3
    assert "(+1 source)" in digest.rendered.text
