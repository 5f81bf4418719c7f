"""Names typed without their commas or closing quote, read as a person meant them:
/subscribe and /news through the real Application, on a seeded SQLite file."""

from __future__ import annotations

from typing import Any

Bot = Any  # the Harness from conftest (not importable under importlib mode)


def followed(bot: Bot, chat: int = 11) -> list[str]:
    return sorted(name for _, name in bot.store.subscriptions.for_chat(chat))


async def test_known_names_of_several_words_typed_without_commas_are_followed_apart(
    bot: Bot,
) -> None:
    # A registry name of two words and another name, the comma forgotten: both are
    # followed, not a made-up "Toyota Motor Apple" offered as a misspelt Toyota Motor.
    reply = (await bot.send("/subscribe Toyota Motor Apple"))[0]
    assert followed(bot) == ["Apple", "Toyota Motor"]
    assert bot.store.companies.get_by_name("Toyota Motor Apple") is None
    assert "I read “Toyota Motor Apple” as 2 companies" in reply
    assert "<code>/subscribe &quot;Toyota Motor Apple&quot;</code>" in reply
    reply = (await bot.send("/subscribe General Motors Ford", chat=21, user=21))[0]
    assert followed(bot, 21) == ["Ford Motor", "General Motors"]
    assert "as 2 companies" in reply
    # Five names in a row are a list too, not one made-up name holding five companies.
    reply = (await bot.send("/subscribe Apple Toyota Sony Nokia Shell", chat=31, user=31))[0]
    assert followed(bot, 31) == ["Apple", "Nokia", "Shell", "Sony Group", "Toyota Motor"]
    assert "as 5 companies" in reply
    # The same words in quotes stay one name.
    reply = (await bot.send('/subscribe "Apple Toyota Sony Nokia Shell"', chat=41, user=41))[0]
    assert followed(bot, 41) == ["Apple Toyota Sony Nokia Shell"]
    assert "I read" not in reply and "is one name to me" not in reply


async def test_news_of_two_names_typed_without_a_comma_names_one_command_each(
    bot: Bot,
) -> None:
    # As with a comma: /news shows one company, and the reply names both commands,
    # not "I don't know a company called 'apple toyota'".
    for text in ("/news apple toyota", "/news Toyota Motor Apple 2"):
        reply = (await bot.send(text))[0]
        assert "/news shows one company at a time" in reply
        assert "/news Apple" in reply and "/news Toyota Motor" in reply
        assert "I don't know" not in reply
    reply = (await bot.send("/news Apple pie"))[0]
    assert "one company at a time" not in reply


async def test_a_name_whose_closing_quote_is_forgotten_stays_whole(bot: Bot) -> None:
    # The opening quote says "one name" as plainly as both would.
    reply = (await bot.send('/subscribe "Sony Nokia'))[0]
    assert followed(bot) == ["Sony Nokia"]
    assert "I read" not in reply
    await bot.send("/subscribe Tesla Xiaomi, “Intel Siemens")
    assert followed(bot) == ["Intel Siemens", "Sony Nokia", "Tesla", "Xiaomi"]


async def test_a_quote_opened_after_a_name_starts_the_next_name(bot: Bot) -> None:
    # 'Apple "Toyota': the quote starts a second name (its closing quote forgotten),
    # so both are followed, with no note about reading names apart nor a broken
    # quoted command to send.
    reply = (await bot.send('/subscribe Apple "Toyota'))[0]
    assert followed(bot) == ["Apple", "Toyota Motor"]
    assert "I read" not in reply and "&quot;" not in reply
    # The name the quote opens stays whole, even when its words are known companies.
    reply = (await bot.send("/subscribe Tesla “Sony Nokia", chat=21, user=21))[0]
    assert followed(bot, 21) == ["Sony Nokia", "Tesla"]
    assert "I read" not in reply and "is one name to me" not in reply


async def test_a_new_name_holding_known_companies_says_commas_separate(bot: Bot) -> None:
    # Two known companies and one new name, the commas forgotten: it is one new name
    # (the bot cannot tell a list from a firm's name), and the reply says how to list.
    reply = (await bot.send("/subscribe Apple Toyota Blorbcorp"))[0]
    assert followed(bot) == ["Apple Toyota Blorbcorp"]
    assert "“Apple Toyota Blorbcorp” is one name to me; to follow several" in reply
    for name in ("Sony Pictures Entertainment", "Apple Valley Bank"):
        reply = (await bot.send(f"/subscribe {name}"))[0]
        assert name in followed(bot)
        assert "is one name to me" not in reply


async def test_a_known_name_typed_twice_is_followed_once(bot: Bot) -> None:
    # "Apple Apple" is Apple typed twice, not a made-up name "Apple Apple" offered as
    # a look-alike of Apple; with a comma too. The reply says nothing of reading apart.
    for chat, text in ((11, "/subscribe Apple Apple"), (21, "/subscribe Apple, Apple")):
        reply = (await bot.send(text, chat=chat, user=chat))[0]
        assert followed(bot, chat) == ["Apple"]
        assert "Subscribed to <b>Apple</b>." in reply
        assert "I read" not in reply and "new to me" not in reply and "already" not in reply
    assert bot.store.companies.get_by_name("Apple Apple") is None
    # A repeat among other names: each company once, and the reading apart is said.
    reply = (await bot.send("/subscribe Apple Toyota apple", chat=31, user=31))[0]
    assert followed(bot, 31) == ["Apple", "Toyota Motor"]
    assert "as 2 companies" in reply


async def test_a_quoted_name_is_followed_whole_with_the_known_ones_offered(bot: Bot) -> None:
    # The reply reading "Toyota Motor Apple" apart says how to follow one company of
    # that name; that command is followed, not refused as a misspelt Toyota Motor.
    reply = (await bot.send("/subscribe Toyota Motor Apple"))[0]
    command = '/subscribe "Toyota Motor Apple"'
    assert "<code>/subscribe &quot;Toyota Motor Apple&quot;</code>" in reply
    await bot.send("/unsubscribe all")
    reply = (await bot.send(command))[0]
    assert followed(bot) == ["Toyota Motor Apple"]
    assert "Subscribed to <b>Toyota Motor Apple</b> — a name new to me" in reply
    assert "If by “Toyota Motor Apple” you meant <b>Toyota Motor</b>, tap below." in reply
    toyota = bot.store.companies.get_by_name("Toyota Motor")
    assert ("Follow Toyota Motor", f"f:{toyota.id}") in bot.buttons(bot.last("sendMessage"))
    # Unquoted, a near miss of a known name is still a typo to correct.
    reply = (await bot.send("/subscribe Xiaomy", chat=21, user=21))[0]
    assert followed(bot, 21) == [] and "Did you mean <b>Xiaomi</b>?" in reply


async def test_a_company_named_after_the_two_it_joined_stays_whole(bot: Bot) -> None:
    # Virgin Media O2 (2021) is one company, not Virgin Media and O2: a registry name
    # is never read apart, alone or among other names (as few names as can be).
    reply = (await bot.send("/subscribe Virgin Media O2"))[0]
    assert followed(bot) == ["Virgin Media O2"]
    assert "I read" not in reply and "new to me" not in reply
    reply = (await bot.send("/subscribe Apple Virgin Media O2 Tesla", chat=21, user=21))[0]
    assert followed(bot, 21) == ["Apple", "Tesla", "Virgin Media O2"]
    assert "as 3 companies" in reply
    # The two it joined are still followed apart when listed apart.
    await bot.send("/subscribe Virgin Media, O2", chat=31, user=31)
    assert followed(bot, 31) == ["O2", "Virgin Media"]
