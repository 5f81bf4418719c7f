"""Every command through the real Application, on a seeded SQLite file, offline."""

from __future__ import annotations

import html
import random
import re
from typing import Any

from bot.telegram.application import post_init
from summarizer.article import Article

Bot = Any  # the Harness from conftest (not importable under importlib mode)


async def test_start_and_help_explain_the_bot(bot: Bot) -> None:
    start = (await bot.send("/start"))[0]
    assert "/subscribe" in start and "companies" in start
    help_text = (await bot.send("/help"))[0]
    for command in (
        "subscribe",
        "unsubscribe",
        "list",
        "news",
        "summary",
        "search",
        "settings",
        "stop",
    ):
        assert f"/{command}" in help_text


async def test_post_init_sets_the_command_menu(bot: Bot) -> None:
    await post_init(bot.app)
    commands = [c["command"] for c in bot.last("setMyCommands")["commands"]]
    assert {"subscribe", "news", "list", "settings", "stop"} <= set(commands)
    from bot.alerts.jobs import stop_jobs

    await stop_jobs(bot.app)


async def test_subscribe_confirms_canonical_names_and_stores_them(bot: Bot) -> None:
    reply = (await bot.send("/subscribe xiaomi, Google, TSLA"))[0]
    assert "Subscribed to" in reply
    for name in ("Xiaomi", "Google", "Tesla"):  # Google is its own company (guide, rule 3)
        assert f"<b>{name}</b>" in reply
    assert sorted(n for _, n in bot.store.subscriptions.for_chat(11)) == [
        "Google",
        "Tesla",
        "Xiaomi",
    ]
    again = (await bot.send("/subscribe Xiaomi"))[0]
    assert "Already following" in again


async def test_two_known_companies_typed_as_one_name_are_followed_both(bot: Bot) -> None:
    await bot.send("/subscribe Volkswagen and BMW, Apple & Google, Nokia/Siemens")
    followed = sorted(n for _, n in bot.store.subscriptions.for_chat(11))
    assert followed == ["Apple", "BMW", "Google", "Nokia", "Siemens", "Volkswagen"]
    # A known name with "&" or "and" in it stays one company.
    await bot.send("/subscribe Procter & Gamble, Marks and Spencer")
    assert {"Procter & Gamble", "Marks & Spencer"} <= {
        n for _, n in bot.store.subscriptions.for_chat(11)
    }
    await bot.send("/unsubscribe Volkswagen and BMW")
    assert not {"Volkswagen", "BMW"} & {n for _, n in bot.store.subscriptions.for_chat(11)}


async def test_known_companies_typed_without_commas_are_followed_apart(bot: Bot) -> None:
    # "Apple Toyota": the comma forgotten. Both companies are followed, no made-up
    # "Apple Toyota" is stored, and the reply says how it was read.
    reply = (await bot.send("/subscribe Apple Toyota"))[0]
    assert sorted(n for _, n in bot.store.subscriptions.for_chat(11)) == ["Apple", "Toyota Motor"]
    assert bot.store.companies.get_by_name("Apple Toyota") is None
    assert "Subscribed to <b>Apple</b>, <b>Toyota Motor</b>." in reply
    assert "I read “Apple Toyota” as 2 companies" in reply
    assert "<code>/subscribe &quot;Apple Toyota&quot;</code>" in reply
    # In quotes the name is kept whole (a joint venture may go by two firms' names).
    quoted = (await bot.send('/subscribe "Nokia Siemens", Tesla Sony'))[0]
    assert "Nokia Siemens" in {n for _, n in bot.store.subscriptions.for_chat(11)}
    assert "I read “Nokia Siemens”" not in quoted and "I read “Tesla Sony”" in quoted
    await bot.send("/unsubscribe Apple Toyota")
    assert not {"Apple", "Toyota Motor"} & {n for _, n in bot.store.subscriptions.for_chat(11)}
    # The command that follows them again keeps the made-up name in quotes, so it is
    # followed again as one name, not read apart.
    command = "/subscribe &quot;Nokia Siemens&quot;, Sony Group, Tesla"
    assert f"<code>{command}</code>" in (await bot.send("/unsubscribe all"))[0]
    await bot.send('/subscribe "Nokia Siemens", Sony, Tesla')
    assert (await bot.send("/stop"))[0].endswith(f"<code>{command}</code>")
    await bot.send(html.unescape(command))
    followed = sorted(n for _, n in bot.store.subscriptions.for_chat(11))
    assert followed == ["Nokia Siemens", "Sony Group", "Tesla"]
    # Registry names made of other registry names, and a name whose words are not
    # all companies, stay one name.
    for name in ("Johnson Controls", "Bank of America", "General Motors", "Apple pie"):
        reply = (await bot.send(f"/subscribe {name}", chat=21, user=21))[0]
        assert "I read" not in reply
        assert name in {n for _, n in bot.store.subscriptions.for_chat(21)}
    # A name another chat made up is unknown here, so never split on: no leak.
    await bot.send("/subscribe Quorvexa", chat=31, user=31)
    assert "I read" not in (await bot.send("/subscribe Tesla Quorvexa"))[0]
    own = (await bot.send("/subscribe Tesla Quorvexa", chat=31, user=31))[0]
    assert "I read “Tesla Quorvexa” as 2 companies" in own


async def test_an_ordinary_word_is_a_ticker_only_when_typed_as_one(bot: Bot) -> None:
    # "Sky" is the broadcaster, not Champion Homes (ticker SKY); "Cat" is offered, not
    # followed (Caterpillar's ticker CAT), and "CAT" or "$SKY" still read as tickers.
    assert "Subscribed to <b>BSkyB</b>" in (await bot.send("/subscribe Sky"))[0]
    cat = (await bot.send("/subscribe Cat"))[0]
    assert "ordinary word" in cat and "Caterpillar" in cat
    assert ("Follow Caterpillar", "f:") in [
        (label, data[:2]) for label, data in bot.buttons(bot.last("sendMessage"))
    ]
    assert "Subscribed to <b>Caterpillar</b>" in (await bot.send("/subscribe CAT"))[0]
    # Leaving takes the ticker however it is typed, but only for a company the chat follows.
    assert "I don't know “Key”" in (await bot.send("/unsubscribe Key"))[0]
    assert "Unsubscribed from <b>Caterpillar</b>" in (await bot.send("/unsubscribe Cat"))[0]
    assert "Subscribed to <b>Champion Homes</b>" in (await bot.send("/subscribe $SKY"))[0]


async def test_one_letter_offers_what_it_may_mean_and_a_cashtag_follows(bot: Bot) -> None:
    # "X" is US Steel's ticker and the name X Corp goes by: never followed as typed.
    reply = (await bot.send("/subscribe X"))[0]
    assert "one-letter" in reply
    offered = [label for label, _ in bot.buttons(bot.last("sendMessage"))]
    assert offered == ["Follow United States Steel", "Follow Twitter"]
    assert bot.store.subscriptions.count(11) == 0
    assert "Did you mean: United States Steel, Twitter?" in (await bot.send("/news X"))[0]
    assert "Subscribed to <b>United States Steel</b>" in (await bot.send("/subscribe $X"))[0]


async def test_subscribe_suggests_close_matches_with_a_button(bot: Bot) -> None:
    reply = (await bot.send("/subscribe Xiaomy"))[0]
    assert "Did you mean" in reply and "Xiaomi" in reply
    follow = [d for label, d in bot.buttons(bot.last("sendMessage")) if "Xiaomi" in label]
    assert follow and re.fullmatch(r"f:\d+", follow[0])
    await bot.press(follow[0])
    assert [n for _, n in bot.store.subscriptions.for_chat(11)] == ["Xiaomi"]


async def test_a_follow_button_follows_a_name_with_a_comma_whole(bot: Bot) -> None:
    # The button follows the company itself: its name, split at the comma, was "Sturm"
    # (a new name) and "Ruger & Co."; "Casino, Guichard-Perrachon" could not be followed.
    for name in ("Sturm, Ruger & Co.", "Casino, Guichard-Perrachon"):
        company_id = bot.store.companies.id_for(name)
        assert company_id is not None, name
        replies = await bot.press(f"f:{company_id}")
        assert f"Subscribed to <b>{name.replace('&', '&amp;')}</b>" in " ".join(replies), replies
        assert not bot.last("answerCallbackQuery")["text"].endswith("..")  # "Co.."
    followed = [n for _, n in bot.store.subscriptions.for_chat(11)]
    assert followed == ["Casino, Guichard-Perrachon", "Sturm, Ruger & Co."]


async def test_a_new_name_sharing_only_its_last_word_is_no_typo(bot: Bot) -> None:
    # "Atticus Capital" is as close to Axis Capital as "Xiaomy" to Xiaomi letter by letter,
    # but its own word differs: it is followed, the look-alike only offered.
    reply = (await bot.send("/subscribe Atticus Capital"))[0]
    assert "Subscribed to <b>Atticus Capital</b>" in reply
    assert "Atticus Capital" in [n for _, n in bot.store.subscriptions.for_chat(11)]


async def test_a_name_the_registry_knows_without_its_descriptor_is_that_company(
    bot: Bot,
) -> None:
    # "SkyWest Airlines" is the registry's SkyWest; "Continental Research" is no
    # Continental (the short form would be an ordinary word), so it is a new name.
    reply = (await bot.send("/subscribe SkyWest Airlines, Continental Research"))[0]
    assert "Subscribed to <b>SkyWest</b>" in reply
    followed = [n for _, n in bot.store.subscriptions.for_chat(11)]
    assert "SkyWest" in followed and "Continental Research" in followed


async def test_subscribe_without_names_explains_and_offers_companies_in_the_news(
    bot: Bot,
) -> None:
    reply = (await bot.send("/subscribe"))[0]
    assert "Usage" in reply and "/subscribe" in reply and "in the news now" in reply
    offered = dict(bot.buttons(bot.last("sendMessage")))
    assert "Follow Xiaomi" in offered
    await bot.press(offered["Follow Xiaomi"])
    await bot.send("/subscribe")
    assert "Follow Xiaomi" not in dict(bot.buttons(bot.last("sendMessage")))


async def test_new_names_are_followed_as_custom_companies(bot: Bot) -> None:
    reply = (await bot.send("/subscribe Zyxwv Quantum Labs, Qwpxz"))[0]
    assert "<b>Zyxwv Quantum Labs</b>, <b>Qwpxz</b> — names new to me" in reply
    assert "look for them in every new article" in reply
    assert sorted(n for _, n in bot.store.subscriptions.for_chat(11)) == [
        "Qwpxz",
        "Zyxwv Quantum Labs",
    ]
    # The new name is matched in articles from now on.
    assert bot.app.bot_data.core.companies.matcher.resolve("zyxwv quantum labs") is not None
    one = (await bot.send("/subscribe Plonkwright Analytics"))[0]
    assert "— a name new to me; I will look for it" in one


async def test_subscription_cap_per_chat(make_harness: Any) -> None:
    bot = await make_harness(max_subscriptions=2)
    reply = (await bot.send("/subscribe Xiaomi, Tesla, Apple"))[0]
    assert "at most 2" in reply and "Apple" in reply.split("Not added")[1]
    assert bot.store.subscriptions.count(11) == 2
    companies = bot.store.db.table("companies").count
    full = (await bot.send("/subscribe Brandnewname Corp, Xiaomi"))[0]
    assert "Not added: Brandnewname Corp" in full and "Already following <b>Xiaomi</b>" in full
    assert bot.store.db.table("companies").count == companies  # no custom name created when full


async def test_list_has_buttons_and_unsubscribe_button_edits_the_list(bot: Bot) -> None:
    await bot.send("/subscribe Xiaomi, Tesla")
    listing = (await bot.send("/list"))[0]
    assert "Tesla" in listing and "Xiaomi" in listing
    buttons = bot.buttons(bot.last("sendMessage"))
    assert all(len(data.encode()) <= 64 for _, data in buttons)
    unsubscribe = next(data for label, data in buttons if label == "✖ Unsubscribe Tesla")
    tesla_id = int(unsubscribe.split(":")[1])
    # The pressed message carries the list's keyboard, as Telegram sends it back.
    await bot.app.process_update(_query_with_markup(bot, unsubscribe, buttons))
    assert "Unsubscribed from Tesla" in bot.last("answerCallbackQuery")["text"]
    edited = bot.last("editMessageText")["text"]
    assert "Tesla" not in edited and "Xiaomi" in edited
    assert not bot.store.subscriptions.is_subscribed(11, tesla_id)


def _query_with_markup(bot: Bot, data: str, buttons: list[tuple[str, str]]) -> Any:
    from telegram import Update

    rows = [
        [{"text": label, "callback_data": d} for label, d in buttons[i : i + 2]]
        for i in range(0, len(buttons), 2)
    ]
    payload = {
        "update_id": 999,
        "callback_query": {
            "id": "q1",
            "chat_instance": "x",
            "data": data,
            "from": {"id": 11, "is_bot": False, "first_name": "Ann"},
            "message": {
                "message_id": 5,
                "date": 0,
                "chat": {"id": 11, "type": "private"},
                "text": "This chat follows 2 of at most 50 companies",
                "reply_markup": {"inline_keyboard": rows},
            },
        },
    }
    return Update.de_json(payload, bot.app.bot)


async def test_unsubscribe_button_under_an_alert_confirms_with_undo(bot: Bot) -> None:
    await bot.send("/subscribe Xiaomi")
    company_id = bot.store.companies.id_for("Xiaomi")
    replies = await bot.press(f"u:{company_id}")  # the pressed message is not a /list
    assert replies == ["✓ Unsubscribed from <b>Xiaomi</b>. No more alerts about it."]
    assert bot.buttons(bot.last("sendMessage")) == [("Undo: follow Xiaomi", f"f:{company_id}")]
    assert bot.store.subscriptions.count(11) == 0
    await bot.press(f"f:{company_id}")
    assert bot.store.subscriptions.count(11) == 1
    await bot.press(f"u:{company_id}")
    await bot.press(f"u:{company_id}")
    assert "no longer follows" in bot.last("answerCallbackQuery")["text"]


async def test_unsubscribe_by_name_and_unknown_names(bot: Bot) -> None:
    await bot.send("/subscribe Xiaomi")
    reply = (await bot.send("/unsubscribe xiaomi, Tesla, Qqqqzzz"))[0]
    assert "Unsubscribed from <b>Xiaomi</b>" in reply
    assert "did not follow <b>Tesla</b>" in reply
    assert "Qqqqzzz" in reply
    assert bot.store.subscriptions.count(11) == 0


async def test_unsubscribe_all_keeps_settings_and_says_how_to_follow_again(bot: Bot) -> None:
    assert "follows no companies" in (await bot.send("/unsubscribe all"))[0]
    await bot.send('/subscribe Xiaomi, Tesla, "Sturm, Ruger & Co.", F5, Inc.')
    await bot.send("/settings length 5")
    reply = (await bot.send("/unsubscribe  ALL "))[0]  # not Allstate, the closest name
    assert "Unsubscribed from all 4 companies" in reply and "Allstate" not in reply
    assert "Co.</b>," in reply and "Co.." not in reply  # a name's own full stop ends it
    assert bot.store.subscriptions.count(11) == 0
    assert bot.store.chats.settings(11).summary_sentences == 5  # unlike /stop
    again = re.search(r"<code>(.*?)</code>", reply)
    assert again is not None
    await bot.send(html.unescape(again.group(1)))  # the command given follows them all again
    assert sorted(n for _, n in bot.store.subscriptions.for_chat(11)) == [
        "F5, Inc.",
        "Sturm, Ruger & Co.",
        "Tesla",
        "Xiaomi",
    ]
    await bot.send('/unsubscribe Tesla, F5, Inc., "Sturm, Ruger & Co."')
    reply = (await bot.send("/unsubscribe all"))[0]
    assert "Unsubscribed from <b>Xiaomi</b>. Your /settings stay." in reply  # not "all 1"


async def test_news_shows_the_seed_summary_source_and_date(bot: Bot) -> None:
    reply = (await bot.send("/news Xiaomi"))[0]
    assert "Xiaomi" in reply and "electric vehicle" in reply
    assert "/summary 1" in reply
    assert re.search(r"\d{1,2} \w{3} \d{4}", reply)  # a date
    numbers = (await bot.send("/news Xiaomi 99"))[0]
    assert "1 to 10" in numbers
    unknown = (await bot.send("/news Xiaomy"))[0]
    assert "Did you mean" in unknown and "Xiaomi" in unknown


def _two_xiaomi_stories(bot: Bot, title: str, *more: str, year: int, days: tuple[int, int]) -> None:
    """Two dated Xiaomi stories, stored with the companies the bot's matcher finds: a
    factory (``days[0]``) and a price (``days[1]``), each followed by ``more``."""
    from summarizer.article import Article

    # Facts long enough that the two stories share under half their text: two stories
    # sharing most of it are copies of one, which /news shows once.
    facts = (
        "Xiaomi opened a car factory in Beijing with 10,000 workers, its first outside "
        "the south of China, after building it in under two years on leased land.",
        "Xiaomi said its first car will cost less than 30,000 dollars when it goes on "
        "sale in March, undercutting rivals from Tesla to BYD in its home market.",
    )
    for day, fact in zip(days, facts, strict=True):
        article = Article(
            f"{title} {day}",
            (fact, *more),
            url=f"https://news.example/{day}",
            source="Example News",
            published=f"{year}-01-0{day}T08:00:00+00:00",
        )
        bot.store.articles.add(
            article, companies=bot.app.bot_data.core.companies.matcher.find(article)
        )


async def test_news_over_several_articles_has_a_brief_with_sources(bot: Bot) -> None:
    _two_xiaomi_stories(
        bot, "Xiaomi news", "Analysts expect strong demand.", year=2026, days=(2, 3)
    )
    reply = "\n".join(await bot.send("/news Xiaomi 3"))
    assert "In brief" in reply
    brief = reply.split("In brief")[1].split("\n\n")[0]
    refs = re.findall(r'<a href="(https://news\.example/\d)">\[(\d)\]</a>', brief)
    assert refs, brief  # each sentence links its numbered source
    for url, number in refs:
        assert f'{number}. <a href="{url}">' in reply
    assert "Example News" in reply and "3 Jan 2026" in reply
    # A sentence the brief shows is not repeated under its article.
    for fact in ("10,000 workers", "30,000 dollars"):
        assert reply.count(fact) == 1, reply


async def test_news_summaries_under_the_brief_do_not_open_on_a_leaning_word(bot: Bot) -> None:
    more = ("It also plans a second plant in Wuhan next year.", "Demand is strong.")
    _two_xiaomi_stories(bot, "Xiaomi update", *more, year=2030, days=(4, 5))
    reply = "\n".join(await bot.send("/news Xiaomi 2"))
    brief, articles = reply.split("In brief")[1].split("\n\n", 1)
    # The brief takes both stories' leads: different figures are different facts.
    assert "30,000 dollars" in brief and "10,000 workers" in brief, brief
    # Under the brief, "It also plans ..." would lean on the lead the brief took away.
    for day in (4, 5):
        took = next(block for block in articles.split("\n\n") if f"Xiaomi update {day}" in block)
        assert took.splitlines()[-1] == "Demand is strong.", took


async def test_summary_by_number_and_bad_references(bot: Bot) -> None:
    reply = (await bot.send("/summary 1"))[0]
    assert "Xiaomi" in reply and "Companies:" in reply
    assert "article #1" in reply and "/summary 1" not in reply  # no echo of the command
    assert "no article number 999" in (await bot.send("/summary 999"))[0]
    assert "no article number -1." in (await bot.send("/summary -1"))[0]
    huge = (await bot.send("/summary " + "9" * 40))[0]
    assert "no article number " + "9" * 30 + "." in huge
    assert "web address" in (await bot.send("/summary not-a-thing"))[0]
    assert "Usage" in (await bot.send("/summary"))[0]


async def test_summary_takes_a_reference_as_pasted_in_brackets_or_a_sentence(bot: Bot) -> None:
    url = "https://news.example/xiaomi-plant-(beijing)"
    article = Article("Xiaomi opens a plant", ("Xiaomi opened a car plant.",), url=url)
    article_id, _ = bot.store.articles.add(article, companies=[])
    for pasted in (f"<{url}>", f"({url}).", f"{url}.", f"“{url}”", f"{article_id}."):
        reply = (await bot.send(f"/summary {pasted}"))[0]
        assert f"article #{article_id}" in reply, pasted


async def test_search_finds_the_seed_and_odd_queries_do_not_crash(bot: Bot) -> None:
    reply = (await bot.send("/search electric vehicle"))[0]
    assert "Smartphone maker Xiaomi" in reply and "matching “electric vehicle”" in reply
    phrase = (await bot.send('/search "electric vehicle"'))[0]
    assert "matching &quot;electric vehicle&quot;</b>" in phrase  # its own quotes, not twice
    assert ("Summarise #1", "a:1") in bot.buttons(bot.last("sendMessage"))
    odd = (await bot.send('/search "( OR * NEAR -'))[0]
    assert "Please give some words to search for" in odd  # NEAR is no word
    summary = (await bot.press("a:1"))[0]
    assert "Xiaomi" in summary
    assert "No stored article" in (await bot.send("/search electric -Xiaomi"))[0]
    assert "add a word to look for" in (await bot.send("/search -Xiaomi"))[0]
    assert "add a word" not in (await bot.send("/search OR"))[0]
    for nothing in ("/search OR", '/search "', "/search ?!"):  # no word to look for
        assert "Please give some words to search for" in (await bot.send(nothing))[0]


async def test_settings_buttons_and_typed_changes(bot: Bot) -> None:
    text = (await bot.send("/settings"))[0]
    assert "Summary length" in text and "instant" in text
    data = [d for _, d in bot.buttons(bot.last("sendMessage"))]
    assert "s:len:5" in data and "s:mode:digest" in data
    await bot.press("s:len:5")
    assert bot.store.chats.settings(11).summary_sentences == 5
    assert "<b>5</b> sentences" in bot.last("editMessageText")["text"]
    await bot.send("/settings tz Europe/Berlin")
    await bot.send("/settings hour 7")
    settings = bot.store.chats.settings(11)
    assert (settings.timezone, settings.digest_hour, settings.mode) == (
        "Europe/Berlin",
        7,
        "digest",
    )
    assert "Unknown time zone" in (await bot.send("/settings tz Mars/Olympus"))[0]
    assert "must be a time of day" in (await bot.send("/settings hour 25"))[0]
    assert "no setting called" in (await bot.send("/settings colour blue"))[0]
    offset = (await bot.send("/settings tz utc+3"))[0]
    assert "Time zone: <b>UTC+3</b>" in offset and "daily digest at 07:00 (UTC+3)" in offset
    assert bot.store.chats.settings(11).timezone == "Etc/GMT-3"
    await bot.press("s:thr:main")
    assert bot.store.chats.settings(11).threshold > 0
    anything = (await bot.send("/settings relevance any"))[0]
    assert "Alert me when a company is: <b>merely mentioned</b>" in anything
    tiny = (await bot.send("/settings relevance 1e-9"))[0]  # a number of its own
    assert "<b>merely mentioned (relevance 1e-09)</b>" in tiny
    for odd in ("everything", "5", "-0.5", "nan"):  # one message names what it takes
        reply = (await bot.send(f"/settings relevance {odd}"))[0]
        assert "Relevance must be any, notable, main or a number from 0 to 1." in reply, odd


async def test_settings_digest_takes_a_mode_as_people_say_it(bot: Bot) -> None:
    # "digest" names the digest hour; "daily" or "off" after it is the delivery mode.
    await bot.send("/settings digest daily")
    assert bot.store.chats.settings(11).mode == "digest"
    await bot.send("/settings digest off")
    assert bot.store.chats.settings(11).mode == "instant"
    await bot.send("/settings digest 19:00")
    settings = bot.store.chats.settings(11)
    assert (settings.mode, settings.digest_hour) == ("digest", 19)
    assert "/settings digest 7 picks the time" in (await bot.send("/settings digest sometimes"))[0]
    # The 12-hour clock, as people type it.
    for typed, hour in (("8am", 8), ("7 pm", 19), ("7 p.m.", 19), ("12am", 0), ("12pm", 12)):
        await bot.send(f"/settings digest {typed}")
        assert bot.store.chats.settings(11).digest_hour == hour, typed
    for wrong in ("13pm", "0am", "8:75am", "24:00"):
        assert "must be a time of day" in (await bot.send(f"/settings hour {wrong}"))[0], wrong
    assert bot.store.chats.settings(11).digest_hour == 12


async def test_settings_digest_time_takes_minutes(bot: Bot) -> None:
    # Before, "/settings hour 8:30" and "/settings 08:30" were refused (whole hours only).
    reply = (await bot.send("/settings hour 8:30"))[0]
    settings = bot.store.chats.settings(11)
    assert (settings.mode, settings.digest_hour, settings.digest_minute) == ("digest", 8, 30)
    assert "Delivery: <b>a daily digest at 08:30 (UTC)</b>" in reply
    buttons = dict(bot.buttons(bot.last("sendMessage")))
    assert buttons["• Digest at 08:30"] == "s:hour:8:30"
    assert (buttons["−1 h"], buttons["+1 h"]) == ("s:hour:7:30", "s:hour:9:30")
    await bot.press("s:hour:9:30")
    assert "a daily digest at 09:30" in bot.last("editMessageText")["text"]
    for typed, at in (
        ("/settings 08:15", (8, 15)),
        ("/settings 7:45pm", (19, 45)),
        ("/settings digest 6.30", (6, 30)),
        ("/settings time 7", (7, 0)),
    ):
        await bot.send(typed)
        settings = bot.store.chats.settings(11)
        assert (settings.digest_hour, settings.digest_minute) == at, typed
    # A bare number is no time: "/settings 5" could as well be a summary length.
    assert "no setting called" in (await bot.send("/settings 5"))[0]


async def test_settings_reads_four_digits_as_a_24_hour_time_and_refuses_three(bot: Bot) -> None:
    # "0830" is the 24-hour clock without its colon, alone or after a setting's name.
    for typed, at in (
        ("/settings 0830", (8, 30)),
        ("/settings hour 2215", (22, 15)),
        ("/settings digest 0000", (0, 0)),
        ("/settings 2359", (23, 59)),
    ):
        reply = (await bot.send(typed))[0]
        settings = bot.store.chats.settings(11)
        assert (settings.mode, settings.digest_hour, settings.digest_minute) == (
            "digest",
            *at,
        ), typed
        assert f"a daily digest at {at[0]:02d}:{at[1]:02d}" in reply
    await bot.send("/settings quiet 2230-0645")
    assert bot.store.chats.settings(11).quiet_span is not None
    assert "22:30–06:45" in (await bot.send("/settings"))[0]
    # Three digits are refused with the two ways to type the time they may mean.
    reply = (await bot.send("/settings 830"))[0]
    assert reply.startswith("“830” is no time I can read. For 8:30, type /settings 8:30 or ")
    assert "/settings 0830." in reply
    assert "For 8:30, type 8:30 or 0830." in (await bot.send("/settings hour 830"))[0]
    for wrong in ("/settings 2400", "/settings 0860", "/settings hour 12345"):
        assert "Saved" not in (await bot.send(wrong))[0], wrong
    assert (
        bot.store.chats.settings(11).digest_hour,
        bot.store.chats.settings(11).digest_minute,
    ) == (
        23,
        59,
    )


async def test_settings_digest_alone_says_how_to_turn_it_on_or_off(bot: Bot) -> None:
    # Before, "/settings digest" with nothing after it answered only that the digest
    # hour must be 0 to 23, as if the person had typed an hour wrong.
    how = (await bot.send("/settings digest"))[0]
    assert "/settings digest daily" in how and "/settings digest off" in how
    assert bot.store.chats.settings(11).mode == "instant"  # nothing saved
    assert "must be a time of day" in (await bot.send("/settings hour"))[0]


async def test_settings_mute_adds_unmute_takes_off_and_off_clears(bot: Bot) -> None:
    how = (await bot.send("/settings mute"))[0]
    assert "/settings mute football, transfer rumour" in how and "/settings unmute" in how
    saved = (await bot.send("/settings mute Football, <b>rumour*</b>,football"))[0]
    assert "Muted words: <b>Football · &lt;b&gt;rumour*&lt;/b&gt;</b>" in saved
    assert bot.store.chats.settings(11).mute == ("Football", "<b>rumour*</b>")
    assert "too short" in (await bot.send("/settings mute ok, x"))[0]
    assert bot.store.chats.settings(11).mute == ("Football", "<b>rumour*</b>")  # kept
    await bot.send('/settings mute "transfer  rumour", FOOTBALL')  # added; repeats once
    # A quoted phrase is muted as the phrase, not with its quotes (which would never match).
    assert bot.store.chats.settings(11).mute == ("Football", "<b>rumour*</b>", "transfer rumour")
    await bot.send('/settings mute "transfer, window"')  # quotes around a comma
    assert bot.store.chats.settings(11).mute[-2:] == ("transfer", "window")
    await bot.send("/settings unmute transfer, window")
    unmuted = (await bot.send("/settings unmute football, <b>RUMOUR*</b>"))[0]
    assert "Muted words: <b>transfer rumour</b>" in unmuted and "/settings unmute" in unmuted
    assert "Name the words" in (await bot.send("/settings unmute"))[0]
    never = (await bot.send("/settings unmute cricket"))[0]
    assert "Nothing to unmute: “cricket” was not muted." in never
    cleared = (await bot.send("/settings mute off"))[0]
    assert "Muted words: none" in cleared and bot.store.chats.settings(11).mute == ()


async def test_settings_mute_takes_quotes_off_as_subscribe_does(bot: Bot) -> None:
    """Quotes of any kind around a word, or around the whole list, are not muted with it;
    a comma inside them still separates (a muted word never holds one)."""
    await bot.send("/settings mute 'transfer, rumour'")
    assert bot.store.chats.settings(11).mute == ("transfer", "rumour")
    await bot.send("/settings mute off")
    await bot.send("/settings mute ‘window’; “deadline day”\n'Lloyd's', rock 'n' roll")
    expected = ("window", "deadline day", "Lloyd's", "rock 'n' roll")
    assert bot.store.chats.settings(11).mute == expected  # apostrophes inside stay
    reply = (await bot.send("/settings unmute 'window', ‘rock 'n' roll’"))[0]
    assert reply.startswith("✓ Saved.")
    assert bot.store.chats.settings(11).mute == ("deadline day", "Lloyd's")


async def test_settings_mute_refuses_punctuation_and_saves_nothing(bot: Bot) -> None:
    await bot.send("/settings mute football")
    for words in ("transfer, --", "...", "'!!!'"):
        reply = (await bot.send(f"/settings mute {words}"))[0]
        assert reply.startswith("“") and "” is only punctuation" in reply, reply
        assert "\n" not in reply
    assert bot.store.chats.settings(11).mute == ("football",)
    # Words with letters, digits or emoji in them are still words.
    await bot.send("/settings mute c++, 💩💩, 5G, rumour*")
    assert bot.store.chats.settings(11).mute == ("football", "c++", "💩💩", "5G", "rumour*")


async def test_muting_a_word_drops_the_alerts_waiting_for_a_digest(bot: Bot) -> None:
    from summarizer import Article
    from summarizer.companies.matcher import CompanyMention

    await bot.send("/subscribe Xiaomi")
    await bot.press("s:mode:digest")
    for n, title in enumerate(("Xiaomi sponsors football club", "Xiaomi opens a car plant")):
        article_id, _ = bot.store.articles.add(
            Article(title, (f"{title}, the company said.", "More later."), url=f"u:{n}"),
            companies=[CompanyMention("Xiaomi", 0.9, True, 2)],
        )
        bot.store.outbox.enqueue_for_article(article_id)
    assert [r["status"] for r in bot.store.outbox.rows(chat_id=11)] == ["held", "held"]
    await bot.send("/settings mute football")
    rows = bot.store.outbox.rows(chat_id=11)
    assert [(r["status"], r["error"]) for r in rows] == [("dropped", "muted"), ("held", None)]


async def test_stop_deletes_the_chat(bot: Bot) -> None:
    await bot.send("/subscribe Xiaomi, Tesla")
    await bot.send("/settings length 5")
    reply = (await bot.send("/stop"))[0]
    assert "Unsubscribed from 2 companies" in reply
    # A mistaken /stop can be undone: the reply has the command that follows them again.
    assert reply.endswith("again, send:\n<code>/subscribe Tesla, Xiaomi</code>"), reply
    assert bot.store.subscriptions.count(11) == 0
    assert bot.store.chats.get(11) is None


async def test_an_old_settings_button_after_stop_does_not_bring_the_chat_back(bot: Bot) -> None:
    await bot.send("/subscribe Xiaomi")
    xiaomi = bot.store.companies.id_for("Xiaomi")
    await bot.send("/settings")  # the keyboard stays in the chat after /stop
    await bot.send("/stop")
    assert await bot.press("s:len:5") == []  # the old settings message is left as it was
    answer = bot.last("answerCallbackQuery")
    assert answer["text"] == (
        "This chat has no saved settings (after /stop, or shown while the bot could not "
        "save), so this button does nothing. Send /settings for new buttons."
    )
    assert answer["show_alert"] is True
    # Nor do the other old buttons: leaving a company, its news, an article.
    for data in (f"u:{xiaomi}", f"m:{xiaomi}", "a:1"):
        await bot.press(data)
    assert bot.store.chats.get(11) is None
    # Talking to the bot again starts afresh, and the new message's buttons work.
    await bot.send("/settings")
    await bot.press("s:len:5")
    assert bot.store.chats.settings(11).summary_sentences == 5
    assert bot.store.subscriptions.count(11) == 0


async def test_a_follow_button_after_stop_follows_afresh_as_subscribe_would(bot: Bot) -> None:
    # Unlike a settings button, "Follow" asks for something new (and /start's own Follow
    # buttons are how a chat begins): the chat starts again with that one company.
    await bot.send("/subscribe Xiaomi, Tesla")
    await bot.send("/settings length 5")
    xiaomi = bot.store.companies.id_for("Xiaomi")
    await bot.send("/stop")
    assert "Subscribed to <b>Xiaomi</b>" in (await bot.press(f"f:{xiaomi}"))[0]
    assert [name for _, name in bot.store.subscriptions.for_chat(11)] == ["Xiaomi"]
    assert bot.store.chats.settings(11).summary_sentences == 3  # not the old settings


async def test_plain_text_naming_a_company_offers_buttons(bot: Bot) -> None:
    await bot.send("xiaomi")
    assert [d.split(":")[0] for _, d in bot.buttons(bot.last("sendMessage"))] == ["f", "m"]
    hint = (await bot.send("what can you do?"))[0]
    assert "/help" in hint


async def test_long_news_replies_are_split_under_the_limit(bot: Bot, html_problems: Any) -> None:
    from summarizer.article import Article

    sentence = (
        "Xiaomi reported record sales of phones and cars in every region while its "
        "shares rose sharply as analysts raised their forecasts again"
    )
    words = sentence.split(" ")
    for day in range(1, 11):
        # Ten different stories (the same text ten times would be one story's copies).
        rng = random.Random(day)
        paragraph = " ".join(" ".join(rng.sample(words, len(words))) + "." for _ in range(6))
        article = Article(
            f"Xiaomi & <partners> day {day}",
            tuple(f"{paragraph} Part {i} of day {day}." for i in range(12)),
            url=f"https://long.example/{day}",
            source="Long & Co",
            published=f"2026-02-{day:02d}T08:00:00+00:00",
        )
        bot.store.articles.add(
            article, companies=bot.app.bot_data.core.companies.matcher.find(article)
        )
    await bot.send("/settings length 10")
    parts = await bot.send("/news Xiaomi 10")
    assert len(parts) > 1
    for part in parts:
        assert html_problems(part) == []
    assert all(p.split("\n", 1)[0].strip() for p in parts)
    assert "&lt;partners&gt;" in "".join(parts) and "Long &amp; Co" in "".join(parts)


async def test_news_says_when_a_company_is_only_named_in_passing(bot: Bot) -> None:
    from summarizer.article import Article

    def add(title: str, *paragraphs: str, day: int) -> None:
        article = Article(title, paragraphs, published=f"2026-03-0{day}T08:00:00+00:00")
        bot.store.articles.add(
            article, companies=bot.app.bot_data.core.companies.matcher.find(article)
        )

    add(
        "Rain returns to the Alps",
        "Forecasters expect heavy rain across the Alps this weekend, ending a long dry spell.",
        "Hikers were told to stay off high trails. One guide said he had sold his Boeing "
        "shares to buy a better tent, and another said the weather changes quickly.",
        day=1,
    )
    reply = (await bot.send("/news Boeing"))[0]
    assert "no stored article is about it yet" in reply and "<i>named in passing</i>" in reply
    add(
        "Boeing wins a big order",
        "Boeing said on Monday that an airline had ordered 50 of its 737 jets.",
        "Boeing shares rose 3% after the order, which Boeing called its largest this year.",
        day=2,
    )
    reply = (await bot.send("/news Boeing"))[0]
    assert "no stored article is about it" not in reply  # a story about it comes first
    about, passing = reply.split("2. ", 1)
    assert "Boeing wins" in about and "named in passing" not in about
    assert "Rain returns" in passing and "named in passing" in passing


async def test_news_without_articles_offers_to_follow(bot: Bot) -> None:
    reply = (await bot.send("/news Boeing"))[0]
    assert "No stored articles mention <b>Boeing</b>" in reply
    [(label, data)] = bot.buttons(bot.last("sendMessage"))
    assert label == "Follow Boeing" and data.startswith("f:")
    await bot.press(data)
    followed = (await bot.send("/news Boeing"))[0]
    assert "This chat follows it" in followed


async def test_news_for_an_unknown_name_suggests_only_close_names(bot: Bot) -> None:
    close = (await bot.send("/news Xaomi"))[0]
    assert "Did you mean: Xiaomi?" in close
    one = (await bot.send("/news Xiaomi 1"))[0]
    assert one.split("\n")[0].endswith("— the latest article")  # not "latest 1 article"
    far = (await bot.send("/news Nonexistent Corp"))[0]
    assert "Did you mean" not in far and "Nexi" not in far
    assert "know a company called “Nonexistent Corp”" in far
    assert "/subscribe Nonexistent Corp" in far


async def test_names_with_html_entities_are_decoded(bot: Bot) -> None:
    reply = (await bot.send("/subscribe AT&amp;T"))[0]
    assert "Subscribed to <b>AT&amp;T</b>" in reply and "new to me" not in reply
    assert [n for _, n in bot.store.subscriptions.for_chat(11)] == ["AT&T"]
    assert "know a company" not in (await bot.send("/news AT&amp;T"))[0]


async def test_full_width_letters_name_the_registry_company(bot: Bot) -> None:
    reply = (await bot.send("/subscribe Ａｐｐｌｅ"))[0]  # typed with a CJK keyboard
    assert "Subscribed to <b>Apple</b>" in reply and "new to me" not in reply
    assert "Unsubscribed from <b>Apple</b>" in (await bot.send("/unsubscribe ＡＰＰＬＥ"))[0]
    assert bot.store.subscriptions.for_chat(11) == []


async def test_a_leading_the_is_not_part_of_the_name(bot: Bot) -> None:
    reply = (await bot.send("/subscribe The Gap"))[0]  # the registry's Gap, not a plain word
    assert "Subscribed to <b>Gap</b>" in reply and "ordinary word" not in reply
    assert "Subscribed to <b>Body Shop</b>" in (await bot.send("/subscribe the Body Shop"))[0]
    assert "ordinary word" in (await bot.send("/subscribe the"))[0]


async def test_an_ordinary_word_refused_still_offers_the_companies_it_starts(bot: Bot) -> None:
    reply = (await bot.send("/subscribe Total"))[0]
    assert "ordinary word" in reply and "Did you mean <b>TotalEnergies</b>" in reply
    assert ("Follow TotalEnergies", f"f:{bot.store.companies.id_for('TotalEnergies')}") in (
        bot.buttons(bot.last("sendMessage"))
    )
    assert bot.store.subscriptions.count(11) == 0  # nothing followed until pressed


async def test_unsubscribe_suggests_only_close_followed_names(bot: Bot) -> None:
    await bot.send("/subscribe Xiaomi, Foxconn")
    reply = (await bot.send("/unsubscribe Foo, Xiaomy"))[0]
    assert "Foxconn" not in reply  # WRatio's partial match used to offer it for "Foo"
    assert "Did you mean <b>Xiaomi</b>" in reply or "Did you mean Xiaomi" in reply
    assert bot.store.subscriptions.count(11) == 2


async def test_news_offers_subscribe_only_for_names_subscribe_accepts(bot: Bot) -> None:
    for odd in ("🚀", "<b>x</b>"):
        reply = (await bot.send(f"/news {odd}"))[0]
        assert "know a company called" in reply and "/subscribe" not in reply


async def test_a_number_that_ends_a_known_name_is_part_of_it(bot: Bot) -> None:
    # "Channel 5" is the broadcaster, not five articles about "Channel"; a name that is
    # known without the number still takes it as the count.
    channel = (await bot.send("/news Channel 5"))[0]
    assert "know a company called" not in channel and "<b>Channel 5</b>" in channel
    assert "<b>Channel 4</b>" in (await bot.send("/news Channel 4 2"))[0]
    one = (await bot.send("/news Xiaomi 1"))[0]
    assert one.split("\n")[0].endswith("— the latest article")
    unknown = (await bot.send("/news Channel 7"))[0]
    assert "know a company called “Channel”" in unknown
    both = (await bot.send("/news 2 Channel 5"))[0]  # the count first, the name's number last
    assert "know a company" not in both and "<b>Channel 5</b>" in both
    # A number past the count's range that ends a known name is the name's: "Forever 21";
    # after a name that is known without it, it is still a count out of range.
    forever = (await bot.send("/news Forever 21"))[0]
    assert "<b>Forever 21</b>" in forever and "1 to 10 articles" not in forever
    assert "1 to 10 articles" in (await bot.send("/news Xiaomi 21"))[0]


async def test_news_of_several_companies_says_it_takes_one(bot: Bot) -> None:
    reply = (await bot.send("/news Apple, Toyota 2"))[0]
    assert reply == "/news shows one company at a time: /news Apple or /news Toyota Motor."
    assert "know a company called" in (await bot.send("/news Qwzx, Vbnm"))[0]
    # One company typed twice is that company's news, with or without a comma.
    for text in ("/news Apple Apple", "/news apple, Apple", "/news Apple, AAPL"):
        reply = (await bot.send(text))[0]
        assert "<b>Apple</b>" in reply and "know a company" not in reply, text
    assert "one company at a time: /news Apple." in (await bot.send("/news Apple, Qwzx"))[0]


async def test_news_alone_offers_every_company_the_chat_follows(bot: Bot) -> None:
    # A chat may follow 50 companies; the picker used to stop at the first 20.
    names = [f"Quorvex Labs {n}" for n in range(30)]
    for name in names:
        company = bot.store.companies.add_custom(name, chat_id=11)
        bot.store.subscriptions.add(11, company)
    assert (await bot.send("/news"))[0].startswith("News about which company?")
    offered = [label for label, _ in bot.buttons(bot.last("sendMessage"))]
    assert sorted(offered) == sorted(f"📰 {name}" for name in names)


async def test_news_with_only_punctuation_or_a_negative_count_is_explained(bot: Bot) -> None:
    assert "Usage: <code>/news Xiaomi 5</code>" in (await bot.send("/news ,"))[0]
    for empty in ('/news ""', "/news ''", '/news "" 3', "/news “ ”"):  # quotes round nothing
        assert "Usage: <code>/news Xiaomi 5</code>" in (await bot.send(empty))[0], empty
    assert "1 to 10 articles" in (await bot.send("/news Xiaomi -3"))[0]


async def test_one_chats_custom_names_never_reach_another_chats_suggestions(bot: Bot) -> None:
    await bot.send("/subscribe Zyxwv Quantum Labs", chat=31, user=31)
    own = (await bot.send("/news Zyxwv Quantum Lab", chat=31, user=31))[0]
    assert "Did you mean: Zyxwv Quantum Labs?" in own  # its own name is offered to it
    for chat in (32, 33):
        news = (await bot.send("/news Zyxwv Quantum Lab", chat=chat, user=chat))[0]
        assert "Zyxwv Quantum Labs" not in news
        subscribe = (await bot.send("/subscribe Zyxwv Quantum Lab", chat=chat, user=chat))[0]
        assert "Zyxwv Quantum Labs" not in subscribe


async def test_another_chats_custom_name_typed_exactly_is_a_name_new_to_this_chat(
    bot: Bot,
) -> None:
    # Found by its exact name, it was offered with buttons that could not follow it.
    await bot.send("/subscribe Zorblax Widgets", chat=31, user=31)
    plain = (await bot.send("zorblax widgets", chat=32, user=32))[0]
    assert plain.startswith("I answer commands") and not bot.buttons(bot.last("sendMessage"))
    news = (await bot.send("/news zorblax widgets", chat=32, user=32))[0]
    assert "To follow it as a new name: /subscribe zorblax widgets" in news
    # Nothing tells that another chat follows it: the replies read as for a name no
    # chat has used.
    left = (await bot.send("/unsubscribe Zorblax Widgets", chat=32, user=32))[0]
    assert "I don't know “Zorblax Widgets”" in left
    subscribe = (await bot.send("/subscribe zorblax widgets", chat=32, user=32))[0]
    assert "Subscribed to" in subscribe and "a name new to me" in subscribe
    assert [n for _, n in bot.store.subscriptions.for_chat(32)] == ["Zorblax Widgets"]
    own = (await bot.send("zorblax widgets", chat=32, user=32))[0]  # now its own name too
    assert "Zorblax Widgets" in own and bot.buttons(bot.last("sendMessage"))


async def test_a_name_found_in_the_news_can_be_followed_from_its_button(bot: Bot) -> None:
    # Found in the operator's news (no chat made it up), its Follow button said "no longer
    # known"; a name found only in a page another chat sent stays that chat's.
    from summarizer import Article
    from summarizer.companies.matcher import CompanyMention

    bot.store.articles.add(
        Article("Zeta story", ("Zeta Quantum reported results.", "Shares moved."), url="u:1"),
        companies=[CompanyMention("Zeta Quantum", 0.8, True, 2)],
    )
    bot.store.articles.add(
        Article("Private page", ("Qorvex Labs raised money.", "It hires."), url="u:2"),
        companies=[CompanyMention("Qorvex Labs", 0.8, True, 2)],
        submitted_by=31,
    )
    await bot.send("Zeta Quantum")
    follow = dict(bot.buttons(bot.last("sendMessage")))["Follow Zeta Quantum"]
    assert "Subscribed to <b>Zeta Quantum</b>" in (await bot.press(follow))[0]
    assert bot.last("answerCallbackQuery")["text"] == "Following Zeta Quantum."
    assert (await bot.send("Qorvex Labs"))[0].startswith("I answer commands")


async def test_news_shows_subjects_first_newest_published_first_with_their_dates(
    bot: Bot,
) -> None:
    from summarizer import Article
    from summarizer.companies.matcher import CompanyMention

    stories = [
        ("Zeta mention", "2025-06-03T09:00:00+00:00", False, "was named among suppliers"),
        ("Zeta older story", "2025-05-01T09:00:00+00:00", True, "reported its results"),
        ("Zeta newer story", "2025-06-01T09:00:00+00:00", True, "opened a lab in Lisbon"),
    ]
    for n, (title, published, subject, news) in enumerate(stories):
        body = (f"{title}: Zeta Quantum {news}.",)
        bot.store.articles.add(
            Article(title, body, published=published, url=f"https://n.test/{n}"),
            companies=[CompanyMention("Zeta Quantum", 0.8 if subject else 0.1, subject, 2)],
        )
    reply = (await bot.send("/news Zeta Quantum"))[0]
    # the article list's linked titles (the brief above it may quote any of the stories)
    order = [
        reply.index(f">{t}</a>") for t in ("Zeta newer story", "Zeta older story", "Zeta mention")
    ]
    assert order == sorted(order)
    assert "1 Jun 2025" in reply and "1 May 2025" in reply and "added" not in reply


async def test_a_lower_case_letter_is_no_ticker(bot: Bot) -> None:
    reply = (await bot.send("/subscribe x"))[0]
    assert "Steel" not in reply and "one-letter name" in reply
    assert bot.store.subscriptions.for_chat(11) == []


async def test_numbers_handles_and_an_open_quote_are_no_new_names(bot: Bot) -> None:
    reply = (await bot.send('/subscribe 12345, @elonmusk, "Acme Widgets'))[0]
    assert "a number is no company name" in reply and "handle, not a company name" in reply
    assert [n for _, n in bot.store.subscriptions.for_chat(11)] == ["Acme Widgets"]


async def test_one_company_named_twice_in_a_command_is_followed_once(bot: Bot) -> None:
    reply = (await bot.send("/subscribe Apple, apple, APPLE, Apple Inc."))[0]
    assert "Subscribed to <b>Apple</b>" in reply and "Already" not in reply
    assert bot.store.subscriptions.count(11) == 1
    left = (await bot.send("/unsubscribe Apple, apple, Apple Inc."))[0]
    assert "Unsubscribed from <b>Apple</b>" in left and "did not follow" not in left
    await bot.send("/settings mute football")
    twice = (await bot.send("/settings unmute cricket, Cricket"))[0]
    assert twice.count("cricket") + twice.count("Cricket") == 1, twice


async def test_a_capitalised_ordinary_word_no_company_goes_by_is_followed_as_written(
    bot: Bot,
) -> None:
    from summarizer.article import Article

    # Amazon's doorbell maker: no registry company goes by "Ring", so it is followed in
    # the registry's word mode, and the reply says how it is matched.
    reply = (await bot.send("/subscribe Ring"))[0]
    assert "Subscribed to <b>Ring</b>" in reply and "also an ordinary word" in reply
    ring = bot.store.companies.get_by_name("Ring")
    assert ring is not None and ring.entry().ambiguous == ("Ring",)
    # The legal form people add is the same name, not a new one (nor a "did you mean").
    assert "Already following <b>Ring</b>" in (await bot.send("/subscribe Ring Inc."))[0]
    # Written in lower case, or a word some company goes by, it is still refused.
    assert "ordinary word" in (await bot.send("/subscribe house"))[0]
    rank = (await bot.send("/subscribe Rank"))[0]
    assert "ordinary word" in rank and "Did you mean <b>Rank Group</b>" in rank
    # A place is refused as one, and only companies going by the word are offered.
    paris = (await bot.send("/subscribe Paris"))[0]
    assert "is a place" in paris and "Did you mean" not in paris  # not Polaris
    # /news finds stored stories by searching; only those naming the company count.
    for day, (title, text) in enumerate(
        [
            ("Wrestler dies", "He fought under the ring name Luke Harper for years."),
            ("Amazon buys Ring", "Amazon will buy Ring, the doorbell maker. Ring said so."),
        ],
        start=1,
    ):
        article = Article(title, (text,), published=f"2026-03-0{day}T08:00:00+00:00")
        bot.store.articles.add(article)  # stored before anyone followed Ring: no link
    news = (await bot.send("/news Ring 3"))[0]
    assert "Amazon buys Ring" in news and "Wrestler dies" not in news


async def test_news_found_by_searching_keeps_only_stories_naming_the_company(bot: Bot) -> None:
    from summarizer.article import Article

    for day, (title, text) in enumerate(
        [
            ("Ryanair grows", "Ryanair carried 3m passengers in May, up 10%."),
            ("3M cuts jobs", "3M said it would cut 2,000 jobs. 3M makes Post-it notes."),
        ],
        start=1,
    ):
        # Stored without their companies (as before a name is known): no link to 3M.
        bot.store.articles.add(Article(title, (text,), published=f"2031-03-0{day}T08:00"))
    news = (await bot.send("/news 3M 3"))[0]
    assert "found by searching" in news and "3M cuts jobs" in news
    assert "Ryanair" not in news  # "3m passengers" is no 3M


async def test_a_new_name_close_to_one_the_chat_made_up_is_another_firm(bot: Bot) -> None:
    # A near-miss of a registry name is a typo; of a chat's own new name, another firm.
    await bot.send("/subscribe Nexora Ltd")
    reply = (await bot.send("/subscribe Nexara Ltd"))[0]
    assert "Subscribed to <b>Nexara Ltd</b>" in reply
    assert bot.buttons(bot.last("sendMessage")) == []  # Nexora Ltd is followed already
    assert [n for _, n in bot.store.subscriptions.for_chat(11)] == ["Nexara Ltd", "Nexora Ltd"]


async def test_names_with_a_legal_form_word_and_a_number_are_two_names(bot: Bot) -> None:
    # "Company1 Ltd" after a comma is a name of its own, not a legal form ("F5, Inc." is).
    await bot.send("/subscribe Company0 Ltd, Company1 Ltd")
    assert [n for _, n in bot.store.subscriptions.for_chat(11)] == ["Company0 Ltd", "Company1 Ltd"]


async def test_settings_a_private_chat_cannot_have_say_so(bot: Bot) -> None:
    # "topic" alone asked for one; "thread" is the same setting.
    for command in ("/settings topic off", "/settings topic", "/settings thread off"):
        reply = (await bot.send(command))[0]
        assert reply == "Alert topics are for forum groups; this chat has none."
    for hour in ("25", "-1"):  # one message, whichever way the hour is wrong
        assert (await bot.send(f"/settings hour {hour}"))[0] == (
            "The digest time must be a time of day, e.g. 7, 19:00, 7:30am, 08:15 or 0815."
        )
