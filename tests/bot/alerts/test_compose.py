"""What a chat receives next: alerts, grouped copies, digests and catch-ups."""

from __future__ import annotations

import random
import time

from bot.alerts.compose import Composer
from storage import Store
from summarizer.companies.matcher import CompanyEntry

GREEK = ("alpha", "beta", "gamma", "delta", "eta", "theta", "iota", "kappa", "lambda", "mu")
STORY = (
    "Xiaomi said on Thursday it would build a second car factory in Beijing, doubling its "
    "capacity. The company expects deliveries to reach 300,000 cars next year.\n\n"
    "Analysts said the move puts pressure on rivals in the crowded Chinese market."
)


def claim_all(store: Store):
    return store.outbox.claim(limit=100, now=time.time() + 1)


def test_single_alert_is_summarised_for_the_company(store: Store, world) -> None:
    world.chat(1, "Xiaomi", summary_sentences=1)
    store.outbox.enqueue_for_article(world.article({"Xiaomi": 0.9}, body=STORY))
    delivery = Composer(articles=store.outbox).next_delivery(claim_all(store), now=time.time())
    assert delivery is not None and delivery.kind == "alert"
    body = delivery.rendered.text.split("\n")[2]
    assert body.endswith(".") and ". " not in body  # exactly one sentence
    assert body in STORY
    assert ("u:" + str(world.company("Xiaomi"))) in [d for _, d in delivery.rendered.buttons]


def test_an_alert_and_a_digest_say_when_the_story_was_published(store: Store, world) -> None:
    # An archive or a feed's old entries may alert: the date keeps a 2011 story from
    # passing for today's news, as /news and /search show it.
    world.chat(1, "Xiaomi")
    world.chat(2, "Xiaomi", mode="digest")
    store.outbox.enqueue_for_article(
        world.article({"Xiaomi": 0.9}, body=STORY, source="Wire", published="2011-08-25")
    )
    store.outbox.release_digest(2, "2026-01-01")
    items = claim_all(store)
    composer = Composer(articles=store.outbox)
    alert = composer.next_delivery([i for i in items if i.chat_id == 1], now=time.time())
    assert alert.rendered.text.split("\n")[1] == "🏢 Xiaomi · Wire · 25 Aug 2011"
    digest = composer.next_delivery([i for i in items if i.chat_id == 2], now=time.time())
    assert "— <i>Wire · 25 Aug 2011</i>" in digest.rendered.text


def test_copies_group_and_other_stories_wait_their_turn(store: Store, world) -> None:
    world.chat(1, "Xiaomi")
    store.outbox.enqueue_for_article(world.article({"Xiaomi": 0.9}, body=STORY, source="A"))
    store.outbox.enqueue_for_article(world.article({"Xiaomi": 0.9}, body="Unrelated news. " * 9))
    store.outbox.enqueue_for_article(
        world.article({"Xiaomi": 0.9}, body=STORY + "\n\nMore.", source="B")
    )
    items = claim_all(store)
    delivery = Composer(articles=store.outbox).next_delivery(items, now=time.time())
    assert delivery.kind == "alert" and len(delivery.ids) == 2
    assert "+1 source:" in delivery.rendered.text
    rest = [i for i in items if i.id not in delivery.ids]
    assert Composer(articles=store.outbox).next_delivery(rest, now=time.time()).ids == (rest[0].id,)


def test_old_alerts_after_a_pause_collapse_into_a_catch_up(store: Store, world) -> None:
    world.chat(1, "Xiaomi")
    for n in range(2):
        store.outbox.enqueue_for_article(
            world.article({"Xiaomi": 0.9}, body=f"Fact {n}. " * 5), now=time.time() - 86400
        )
    items = claim_all(store)
    delivery = Composer(articles=store.outbox).next_delivery(items, now=time.time())
    assert delivery.kind == "catchup" and len(delivery.ids) == 2
    assert "2 stories about the companies you follow that I could not send sooner" in (
        delivery.rendered.text
    )


def test_a_burst_of_fresh_stories_is_one_message_that_says_why(store: Store, world) -> None:
    world.chat(1, "Xiaomi")
    for n in range(7):
        store.outbox.enqueue_for_article(world.article({"Xiaomi": 0.9}, body=f"Fact {n}. " * 5))
    delivery = Composer(articles=store.outbox).next_delivery(claim_all(store), now=time.time())
    assert delivery.kind == "catchup" and len(delivery.ids) == 7
    assert "7 new stories about the companies you follow" in delivery.rendered.text
    assert "So many at once come as one message" in delivery.rendered.text
    assert "away" not in delivery.rendered.text and "sooner" not in delivery.rendered.text


def test_released_digest_alerts_become_the_digest(store: Store, world) -> None:
    world.chat(1, "Xiaomi", "Tesla", mode="digest")
    store.outbox.enqueue_for_article(world.article({"Xiaomi": 0.9}))
    store.outbox.enqueue_for_article(world.article({"Tesla": 0.9}, body="Tesla news. " * 5))
    store.outbox.release_digest(1, "2026-01-01")
    delivery = Composer(articles=store.outbox).next_delivery(claim_all(store), now=time.time())
    assert delivery.kind == "digest" and len(delivery.ids) == 2
    assert "Your daily digest: 2 stories" in delivery.rendered.text
    assert "Tesla" in delivery.rendered.text and "Xiaomi" in delivery.rendered.text


def test_a_digest_in_several_parts_counts_its_stories_once(store: Store, world) -> None:
    # Each part was composed from the rows left: one digest of 33 stories came as
    # "33 stories", then "19 stories", then "5 stories".
    world.chat(1, "Xiaomi", "Tesla", "Apple", mode="digest")
    for n in range(33):
        name = ("Xiaomi", "Tesla", "Apple")[n % 3]
        words = random.Random(n).choices(GREEK, k=60)
        story = world.article(
            {name: 0.9},
            title=f"A long headline about {name}, number {n}: " + "word " * 30,
            body=" ".join(words) + f". {name} said so.\n\nMore detail {n} on {name}.",
        )
        store.outbox.enqueue_for_article(story)
    store.outbox.release_digest(1, "2026-01-01")
    claimed = claim_all(store)
    for first_claim in (33, 25):  # 25: the sender's claim cut the digest, the rest came later
        composer = Composer(articles=store.outbox)
        lane, later, headings = claimed[:first_claim], claimed[first_claim:], []
        while delivery := composer.next_delivery(lane, now=time.time()):
            assert delivery.kind == "digest"
            headings.append(delivery.rendered.text.split("\n", 1)[0])
            lane = [item for item in lane if item.id not in delivery.ids] + later
            later = []
        assert len(headings) > 1
        assert headings[0] == f"<b>Your daily digest: {first_claim} stories</b>"
        assert set(headings[1:]) == {"<b>Your daily digest (continued)</b>"}


def test_a_digest_and_a_copy_stay_in_their_companys_forum_topic(store: Store, world) -> None:
    world.chat(-1001, "Xiaomi", "Tesla", mode="digest")
    store.subscriptions.set_topic(-1001, [world.company("Tesla")], 7)
    store.outbox.enqueue_for_article(world.article({"Xiaomi": 0.9}))
    store.outbox.enqueue_for_article(world.article({"Tesla": 0.9}, body="Tesla news. " * 5))
    store.outbox.release_digest(-1001, "2026-01-01")
    items = claim_all(store)
    composer = Composer(articles=store.outbox)
    first = composer.next_delivery(items, now=time.time())
    assert first.kind == "digest" and len(first.ids) == 1  # General's digest: Xiaomi only
    assert "Xiaomi" in first.rendered.text and "Tesla" not in first.rendered.text
    rest = [i for i in items if i.id not in first.ids]
    second = composer.next_delivery(rest, now=time.time())
    assert second.kind == "digest" and "Tesla" in second.rendered.text
    assert [i.topic for i in rest] == [7]


def test_an_alert_opens_on_the_company_under_its_other_names(store: Store, world) -> None:
    # Papers name Meta Platforms "Facebook": the alert's summary is about the company the
    # chat follows, as /news focuses it, not the story's best sentence in general.
    store.companies.ensure_registry([CompanyEntry("Meta Platforms", ("Facebook",))])
    world.chat(1, "Meta Platforms", summary_sentences=1)
    story = (
        "Advertising spending across the whole technology industry rose sharply in the "
        "third quarter, according to figures published by analysts on Monday. Facebook said "
        "its own advertising revenue rose by a fifth over the same three months."
    )
    store.outbox.enqueue_for_article(world.article({"Meta Platforms": 0.9}, body=story))

    items = claim_all(store)
    plain = Composer(articles=store.outbox).next_delivery(items, now=time.time())
    assert plain.rendered.text.split("\n")[2].startswith("Advertising spending")
    other_names = store.companies.get_by_name
    focused = Composer(
        articles=store.outbox, aliases=lambda name: other_names(name).aliases
    ).next_delivery(items, now=time.time())
    assert focused.rendered.text.split("\n")[2].startswith("Facebook said")
