"""Alert, digest and catch-up messages: escaped, linked, within Telegram's limits."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.alerts.format import (
    AlertView,
    DigestEntry,
    Story,
    alert_message,
    catch_up_message,
    digest_messages,
)
from bot.telegram.formatting import MAX_MESSAGE, utf16_len


def view(n: int, company: str = "AT&T <Inc>", sentences: int = 2, **kw: object) -> AlertView:
    story = Story(f"Story <{n}> & more", f"https://example.com/{n}?a=1&b=2", "Reuters")
    summary = tuple(f"Sentence {i} about {company} in story {n}." for i in range(sentences))
    return AlertView(7, company, story, summary, **kw)  # type: ignore[arg-type]


def test_alert_escapes_everything_and_has_buttons() -> None:
    message = alert_message(view(1))
    assert "<b>Story &lt;1&gt; &amp; more</b>" in message.text
    assert "AT&amp;T &lt;Inc&gt;" in message.text
    assert 'href="https://example.com/1?a=1&amp;b=2"' in message.text
    assert [data for _, data in message.buttons] == ["u:7", "m:7"]
    assert all(len(data.encode()) <= 64 for _, data in message.buttons)
    assert "Story <1> & more" in message.plain and "<b>" not in message.plain


def test_copies_from_other_sources_are_listed_once() -> None:
    others = (Story("Copy", "https://bbc.example/1", "BBC"), Story("Copy 2", None, "CNBC"))
    text = alert_message(view(1, others=others)).text
    assert "+2 sources:" in text and 'href="https://bbc.example/1">BBC</a>' in text
    assert text.count("Read at") == 1


def test_a_huge_summary_is_shortened_but_links_survive() -> None:
    message = alert_message(view(1, sentences=400))
    assert utf16_len(message.text) <= MAX_MESSAGE
    assert message.text.endswith("Read at Reuters</a>")


def test_digest_groups_by_company_and_splits_only_when_needed() -> None:
    small = [DigestEntry(c, view(n, c), (n,)) for n, c in enumerate(["Tesla", "Apple", "Tesla"])]
    (only,) = digest_messages(small, heading="Your daily digest")
    text, ids = only
    assert sorted(ids) == [0, 1, 2]
    assert text.text.index("Apple") < text.text.index("Tesla")
    assert "(2)" in text.text
    many = [DigestEntry("Xiaomi", view(n, "Xiaomi"), (n,)) for n in range(120)]
    parts = digest_messages(many, heading="Your daily digest")
    assert len(parts) > 1
    assert all(utf16_len(r.text) <= MAX_MESSAGE for r, _ in parts)
    assert sorted(i for _, ids in parts for i in ids) == list(range(120))


def test_catch_up_is_one_short_message_for_any_backlog() -> None:
    entries = [DigestEntry(f"Co{n % 15}", view(n, f"Co{n % 15}"), (n,)) for n in range(300)]
    message = catch_up_message(entries)
    assert utf16_len(message.text) <= MAX_MESSAGE
    assert "300 new stories about the companies you follow" in message.text
    assert "…and" in message.text


def test_catch_up_says_why_it_is_one_message_never_while_you_were_away() -> None:
    # Before, every catch-up opened "While you were away", also for a burst of stories
    # the chat was there to see, and for alerts the bot itself sent hours late.
    entries = [DigestEntry("Xiaomi", view(n, "Xiaomi"), (n,)) for n in range(7)]
    burst = catch_up_message(entries).plain
    assert burst.startswith("7 new stories about the companies you follow\nSo many at once")
    late = catch_up_message(entries, late=True).plain
    assert late.startswith("7 stories about the companies you follow that I could not send")
    assert "So many" not in late
    assert "away" not in burst + late


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["A&B", "<X>", "Ünïcode 😀", "Tesla"]),
            st.text(min_size=1, max_size=400),
        ),
        min_size=1,
        max_size=60,
    )
)
def test_digest_parts_cover_every_alert_once_within_the_limit(rows) -> None:
    entries = [
        DigestEntry(company, AlertView(1, company, Story(title, None, "S"), (title,)), (n,))
        for n, (company, title) in enumerate(rows)
    ]
    parts = digest_messages(entries, heading="Digest")
    assert sorted(i for _, ids in parts for i in ids) == list(range(len(rows)))
    assert all(0 < utf16_len(r.text) <= MAX_MESSAGE for r, _ in parts)


def test_an_article_without_url_never_gets_a_dead_read_label() -> None:
    local = Story("Xiaomi shares jump", None, None, 12)
    text = alert_message(AlertView(7, "Xiaomi", local, ("Xiaomi rose.",))).plain
    assert "Read at" not in text and "the source" not in text
    assert text.endswith("Full text: /summary 12")
    named = Story("Xiaomi shares jump", None, "Reuters <wire>", 12)
    text = alert_message(AlertView(7, "Xiaomi", named, ("Xiaomi rose.",))).text
    assert "🏢 Xiaomi · Reuters &lt;wire&gt;\n" in text
    assert text.endswith("Full text: /summary 12") and text.count("Reuters") == 1
    others = (Story("Copy", None, None, 13),)
    text = alert_message(AlertView(7, "Xiaomi", local, (), others)).plain
    assert text.endswith("Full text: /summary 12 · +1 source: /summary 13")  # never "another"
    sources = (Story("C", "https://www.bbc.co.uk/x", None, 14), Story("D", None, "Reuters", 15))
    text = alert_message(AlertView(7, "Xiaomi", local, (), sources)).plain
    assert text.endswith("+2 sources: bbc.co.uk, Reuters")
    linked = Story("Xiaomi shares jump", "https://www.example.com/a", None, 12)
    text = alert_message(AlertView(7, "Xiaomi", linked, ())).text
    assert text.endswith(">Read at example.com</a>")


def test_digest_and_catch_up_point_to_summary_when_a_story_has_no_link() -> None:
    local = AlertView(7, "Xiaomi", Story("Local story", None, None, 12), ("Xiaomi rose.",))
    linked = view(1, "Xiaomi")
    entries = [DigestEntry("Xiaomi", local, (1,)), DigestEntry("Xiaomi", linked, (2,))]
    ((digest, _),) = digest_messages(entries, heading="Your daily digest")
    assert "• Local story · /summary 12" in digest.plain
    assert digest.plain.count("/summary") == 1  # a linked headline needs no pointer
    assert "• Local story · /summary 12" in catch_up_message(entries).plain
