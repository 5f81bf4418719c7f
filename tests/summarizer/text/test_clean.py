"""Cleaning: the seed article, made-up pages with page furniture, HTML via trafilatura."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.errors import EmptyArticleError
from summarizer.text.clean import (
    LINE_RULES,
    TAIL_MARKERS,
    article_from_parts,
    clean_html,
    clean_text,
    is_boilerplate,
    looks_like_html,
    matching_rule,
    parse_article,
    split_paragraphs,
)

STORY = [
    "Acme Motors said on Tuesday it would build a new battery plant in Ohio, creating 2,000 jobs.",
    "The $3.5bn factory will supply cells for the firm's next generation of electric pickups.",
    "Acme's share price rose 4% after the announcement, and shares in its suppliers rose too.",
    "Chief executive Maria Lopez said the plant would be running by 2027.",
]


def _page(*extra_before: str, tail: tuple[str, ...] = (), middle: tuple[str, ...] = ()) -> str:
    blocks = [
        "Acme Motors to build Ohio battery plant",
        *extra_before,
        *STORY[:2],
        *middle,
        *STORY[2:],
        *tail,
    ]
    return "\n\n".join(blocks)


def test_seed_keeps_story_and_drops_everything_from_share_story(seed_text: str) -> None:
    article = clean_text(seed_text)
    assert article.title == "Smartphone maker Xiaomi to enter electric vehicle race"
    assert article.paragraphs[0].startswith("Chinese smartphone maker Xiaomi is to become")
    assert article.paragraphs[-1].startswith("He added: “Xiaomi’s advantages")
    assert len(article.paragraphs) == 13
    cut = seed_text[seed_text.index("Share Story:") :]
    for forbidden in (
        "Share Story",
        "Recent Stories",
        "Microsoft Teams",
        "Virtual agents",
        "chatbot",
        "Automating CX",
    ):
        assert forbidden in cut
        assert forbidden not in article.body
        assert forbidden not in article.title


def test_title_is_never_a_paragraph(seed_text: str) -> None:
    article = clean_text(
        seed_text.replace(
            "\n\nChinese",
            "\n\nSmartphone maker Xiaomi to enter electric vehicle race\n\nChinese",
            1,
        )
    )
    assert article.title not in article.paragraphs


@pytest.mark.parametrize(
    "heading",
    [
        "Share Story:",
        "Share this:",
        "Share this article",
        "Facebook Twitter LinkedIn Email",
        "Related articles",
        "Related",
        "Recent Stories",
        "More from Business",
        "Read more",
        "You may also like",
        "Most popular stories",
        "Comments",
        "Comments (12)",
        "Related Topics",
        "More on this story",
        "Top Stories",
        "Most Read",
    ],
)
def test_tail_cut_drops_other_stories_after_heading(heading: str) -> None:
    teasers = (
        heading,
        "Rival unveils cheaper electric truck",
        "Another company you have never heard of raised money on Monday for robots.",
    )
    article = clean_text(_page(tail=teasers))
    assert article.paragraphs == tuple(STORY)


def test_related_block_after_a_one_paragraph_brief_is_cut() -> None:
    text = "\n\n".join(
        [
            "Acme opens Ohio plant",
            STORY[0],
            "Related",
            "Rival unveils a truck.",
            "Another teaser about something else entirely.",
        ]
    )
    assert clean_text(text).paragraphs == (STORY[0],)


def test_share_bar_above_the_story_does_not_empty_it() -> None:
    article = clean_text(_page("Share this article", "Facebook Twitter Email"))
    assert article.paragraphs == tuple(STORY)


@pytest.mark.parametrize(
    "furniture",
    [
        "Sign up for our daily newsletter to get the latest news in your inbox.",
        "Subscribe to our newsletter",
        "Subscribe now",
        "We use cookies to improve your experience. By continuing you accept our cookie policy.",
        "Photo: Reuters",
        "Image credit: Getty Images",
        "Getty Images",
        "By Jane Doe | 3 March 2024",
        "By Jane Doe and John Smith, Reuters",
        "Advertisement",
        "Story continues below advertisement",
        "Published: 3 March 2024",
        "Updated 5 minutes ago",
        "Click here to read the full report",
        "Scroll down for video .",  # Daily Mail copy, a line of its own
        "Follow us on Twitter",
        "© 2024 Acme News. All rights reserved.",
        "Read more: Acme recalls 10,000 trucks",
        "5 min read",
        "Image source, Getty Images",
        "Image caption, Xiaomi's chief executive Lei Jun at the launch in Beijing",
        "Watch: Xiaomi boss unveils the company's first car",
        "Reporting by Jane Doe in Beijing; Editing by John Smith",
        "Our Standards: The Thomson Reuters Trust Principles.",
        "* * *",
        "___",
        "Do you think Acme should build the plant in Ohio?",
        "Have your say",
        # Other outlets' furniture (BBC, Reuters, CNN, the Guardian):
        "Media playback is not supported on this device",
        "Image caption Lei Jun at the launch in Beijing",
        "(Reporting by Jane Doe; Editing by John Smith)",
        "CNN's Jane Doe and John Smith contributed to this report.",
        "This article was amended on 3 May 2024 to correct the spelling of a name.",
        "Follow BBC Sport on Facebook and Twitter.",
        "Like us on Facebook",
        "Have you been affected by the recall? Share your experiences by emailing us.",
        "Please include a contact number if you are willing to speak to a journalist.",
        "Send your pictures and videos to pics@example.com.",
        "Find all the latest football transfers on our dedicated page.",
        "First published on Tue 3 May 2016 12.00 BST",
        "Last modified on Wed 4 May 2016 13.00 BST",
        "Photograph: Jane Doe/Reuters",
        "Composite: Guardian Design",
        "Produced by Jane Doe",
        "Email this story",
        "This article is more than 5 years old",
        "Reuse this content",
        "The BBC is not responsible for the content of external sites.",
        "Editor's note: An earlier version of this article gave the wrong date.",
        "The opinions expressed in this commentary are solely those of Jane Doe.",
        "Read this: Acme's new battery plant .",
        "Watch the video: inside the plant .",
        "Continue reading the main story",
        "Credit Jane Doe for The New York Times",
        "Photo by Jane Doe/Getty Images",
        "(AP Photo/Jane Doe)",
        "A version of this article appears in print on May 3, 2016, on Page A1.",
        "Correction: An earlier version of this article misspelled a name.",
        "Tags: Acme, Ohio",
        "Source: Reuters",
        "Contact Jane Doe at jane@example.com",
        "Click to email this to a friend (Opens in new window)",
        "MORE: Acme's new battery plant",
        "Sponsored Stories",
        "14:11 EST, 25 October 2013 .",
        "October 25, 2013",
        "Listen to Newsbeat live at 12:45 and 17:45 weekdays - or listen back here.",
        "If you want to get in touch with Newsbeat, you can email us at news@example.com.",
        "You can also contact us in the following ways:",
        "WhatsApp: +44 7555 173285",
        "Send an SMS or MMS to 61124",
        "Join the conversation - find us on Facebook, Instagram and Twitter.",
        "The video is currently unavailable",
        # An embedded tweet, as pages keep it:
        "Just toured the new plant! pic.twitter.com/AbC123xyz — Jane Roe (@JaneRoe) March 3, 2015",
        "Huge news for Ohio today. — Gov. Jane Roe (@GovRoe) March 3, 2015",
        "A post shared by Jane Roe (@janeroe) on Mar 3, 2015 at 10:00am PST",
        # Share bars, players, navigation and credits of other pages:
        "Share this with Email Facebook Messenger Twitter Pinterest WhatsApp LinkedIn",
        "Copy this link",
        "Loading...",
        "This video can not be played",
        "Back to top",
        "Next article",
        "View comments",
        "toggle caption",
        "(Getty)",
        "(Image: Reuters)",
        "Jane Doe/AP",
    ],
)
def test_furniture_is_dropped_anywhere(furniture: str) -> None:
    article = clean_text(_page(middle=(furniture,)))
    assert article.paragraphs == tuple(STORY)
    assert is_boilerplate(furniture)


@pytest.mark.parametrize(
    "prose",
    [
        "Xiaomi's share price rose 9% in afternoon trading in Hong Kong.",
        "Shares rose 9 per cent after the story was first reported.",
        "Analysts expect shareholders to share in the profits next year.",
        "The company told readers of its newsletter that profits had doubled.",
        "Subscribers rose to 10 million in the quarter.",
        "By Friday, the company had sold 5,000 cars.",
        "By 2030, Acme hopes to sell only electric vehicles.",
        "By the end of the year Acme will run three plants, Lopez said",
        "Share prices in Asia rose",
        "Updated figures showed that sales had risen by a third.",
        "Related companies in the sector also gained.",
        "More than 400 people attended the launch in Shanghai.",
        "Read the full report on the company's website.",
        "The firm said it would advertise heavily in the run-up to launch.",
        "Photographers crowded around the car at the event.",
        "Watching the launch, investors cheered the new model.",
        "Reporting season starts next week for most carmakers.",
        "The image of the brand has improved, the survey found.",
        "Do you think the plant will open on time, Lopez was asked; she said it would.",
        "Scroll down the list and the firm's name comes up; the app now has 2 million users.",
        "Reporters who contributed to this report were not named by the agency.",
        "Have you seen the new model? Analysts say sales will double.",
        "This article of the treaty was amended in 2004.",
        "Follow-up talks on the sale are planned for May.",
        "Published on Sunday, the report said profits rose.",
        "Produced by Pixar, the film made $1bn.",
        "The views expressed by analysts are mixed.",
        "Photographs of the plant were leaked.",
        "Credit Suisse shares fell 3% on Monday.",
        "Sources said the deal was close.",
        "Posted in March, the video was viewed two million times.",
        "Supported by its parent, Acme grew fast.",
        "Contact with the firm was lost on Monday.",
        "May 2016 was the warmest month on record.",
        "Listen to the markets and you hear fear.",
        "Jane Roe (@JaneRoe), who runs the firm, said the plant would open in May.",
        "A video shared by the firm on Monday showed the plant.",
        "Share this with your friends, the firm said.",
        "Loading the truck took hours.",
        "Most read books are novels.",
        "Next article in the series will cover Acme.",
        "Getty Images bought the archive last year.",
        "Get in touch with your MP, campaigners urged.",
        "Join the conversation about pay, the union said.",
        "Phone sales rose 5% in the quarter.",
    ],
)
def test_real_prose_survives(prose: str) -> None:
    article = clean_text(_page(middle=(prose,)))
    assert prose in article.paragraphs
    assert not is_boilerplate(prose)


def test_every_rule_has_a_reason() -> None:
    for rule in (*TAIL_MARKERS, *LINE_RULES):
        assert rule.reason and rule.max_words > 0
    rule = matching_rule("Recent Stories")
    assert rule is not None and rule.reason == "other-stories heading"


def test_hard_wrapped_prose_is_joined_but_line_paragraphs_are_not() -> None:
    wrapped = (
        "Acme Motors said on Tuesday it would build a new\n"
        "battery plant in Ohio, creating 2,000 jobs for the\n"
        "region and its suppliers."
    )
    assert split_paragraphs(wrapped) == [" ".join(wrapped.split("\n"))]
    lines = "First paragraph ends here.\nSecond paragraph is on its own line.\nThird."
    assert split_paragraphs(lines) == lines.split("\n")
    # A headline right over its text (no blank line) is no wrapped line of it, nor is a
    # list item: the next line's first word would have fitted on either.
    headed = (
        "Toyota recalls 2 million cars over faulty brakes\n"
        "Toyota Motor said on Wednesday it would recall about 2 million cars worldwide."
    )
    assert split_paragraphs(headed) == headed.split("\n")
    items = "- Duty cuts on capital goods and raw materials\n- A new tax on cash withdrawals"
    assert split_paragraphs(items) == items.split("\n")
    # A long address on a line of its own does not set the width the prose was wrapped at.
    import textwrap

    link = "https://news.example.com/2026/03/acme-motors-battery-plant-ohio-jobs-suppliers-x"
    prose = f"{STORY[0]} See {link} for the plans. {STORY[1]} {STORY[2]}"
    wrapped = textwrap.fill(prose, 72, break_long_words=False, break_on_hyphens=False)
    assert max(map(len, wrapped.split("\n"))) > 72
    assert split_paragraphs(wrapped) == [" ".join(wrapped.split("\n"))]


def test_duplicate_paragraphs_are_dropped() -> None:
    article = clean_text(_page(middle=(STORY[0],)))
    assert article.paragraphs == tuple(STORY)


def test_text_without_headline_keeps_its_first_paragraph() -> None:
    prose = " ".join(STORY)
    article = clean_text(prose)
    assert article.paragraphs == (prose,)
    assert article.title.startswith("Acme Motors said on Tuesday") and article.title.endswith("…")


def test_a_first_line_of_two_sentences_is_text_not_a_headline() -> None:
    lead = "Acme Motors will build a plant in Ohio. The $3.5bn factory will supply cells."
    article = clean_text(lead + "\n\n" + STORY[1])
    assert article.paragraphs == (lead, STORY[1])
    assert article.title == "Acme Motors will build a plant in Ohio."
    # A headline is still a headline: short, or one sentence with an abbreviation in it.
    for headline in (
        "Acme profits jump. Shares soar.",
        "Acme Motors Inc. to build a $3.5bn battery plant in Ohio, creating 2,000 jobs.",
    ):
        assert clean_text(headline + "\n\n" + STORY[1]).title == headline


def test_a_run_on_line_is_text_and_its_derived_title_stays_short() -> None:
    line = "x" * 5_000  # one "word", longer than any headline
    article = clean_text(line)
    assert article.paragraphs == (line,)
    assert len(article.title) <= 301 and article.title.endswith("…")
    # And it is no page furniture, though "x" alone is a share button (X).
    assert not is_boilerplate(line) and matching_rule(line) is None
    assert is_boilerplate("x")


def test_leading_byline_is_not_the_title() -> None:
    article = clean_text("By Jane Doe | 3 March 2024\n\n" + _page())
    assert article.title == "Acme Motors to build Ohio battery plant"


def test_whitespace_and_invisible_characters_are_normalized() -> None:
    article = clean_text("Title\u200b here\r\n\r\nOne\u00a0 sentence\tof   text.\r\n")
    assert article.title == "Title here"
    assert article.paragraphs == ("One sentence of text.",)


def test_escaped_html_in_plain_text_is_unescaped() -> None:
    article = article_from_parts(
        "AT&amp;T fined &#163;1.8m",
        "AT&amp;T said &quot;we will appeal&quot;. Procter & Gamble and AT&T; were not fined.",
    )
    assert article.title == "AT&T fined £1.8m"
    assert article.paragraphs == (
        'AT&T said "we will appeal". Procter & Gamble and AT&T; were not fined.',
    )


def test_a_run_of_pipes_between_documents_is_a_paragraph_break() -> None:
    """Multi-News rows join their source articles with "|||||"."""
    article = article_from_parts(
        "Acme to build Ohio plant",
        "Acme will build a plant in Ohio. ||||| Acme said on Tuesday it would hire 2,000. |||||",
    )
    assert article.paragraphs == (
        "Acme will build a plant in Ohio.",
        "Acme said on Tuesday it would hire 2,000.",
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [("", "empty"), ("   \n\n  ", "empty"), ("Only a headline", "headline but no text")],
)
def test_empty_articles_raise(data: str, message: str) -> None:
    with pytest.raises(EmptyArticleError, match=message):
        parse_article(data)


def test_a_short_line_given_as_untitled_text_is_no_headline() -> None:
    from summarizer.text.clean import article_from_parts

    with pytest.raises(EmptyArticleError, match="one short line, no sentence"):
        article_from_parts("", "12345")


def test_a_single_sentence_is_its_own_article() -> None:
    from summarizer.summarize import summarize
    from summarizer.text.clean import DERIVED_TITLE

    article = parse_article("Xiaomi shares rose 9% today.\n")
    assert article.paragraphs == ("Xiaomi shares rose 9% today.",)
    assert article.extra[DERIVED_TITLE] == "1"
    assert summarize(article).sentences == ("Xiaomi shares rose 9% today.",)


def test_only_boilerplate_raises() -> None:
    with pytest.raises(EmptyArticleError, match="boilerplate"):
        clean_text("A headline\n\nAdvertisement\n\nSubscribe now\n\nPhoto: Reuters")


def test_binary_input_raises() -> None:
    with pytest.raises(EmptyArticleError, match="binary"):
        parse_article("abc\x00def")


HTML_PAGE = (
    """<!DOCTYPE html><html><head>
<title>Acme Motors to build Ohio battery plant | Acme News</title>
<meta property="og:site_name" content="Acme News">
<meta property="article:published_time" content="2024-03-03T10:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/business">Business</a> <a href="/tech">Tech</a></nav>
<div class="cookie-banner">We use cookies. Accept all cookies?</div>
<article>
<h1>Acme Motors to build Ohio battery plant</h1>
<p class="byline">By Jane Doe | 3 March 2024</p>
"""
    + "\n".join(f"<p>{p}</p>" for p in STORY[:2])
    + """
<figure><img src="plant.jpg" alt="plant"><figcaption>Photo: Getty Images</figcaption></figure>
"""
    + "\n".join(f"<p>{p}</p>" for p in STORY[2:])
    + """
<div class="share">Share this article</div>
<h2>Related articles</h2>
<p>Rival unveils a cheaper electric truck for farmers and small firms in Europe.</p>
</article>
<footer><p>Sign up for our newsletter</p><p>© 2024 Acme News. All rights reserved.</p></footer>
</body></html>"""
)


def test_html_goes_through_trafilatura_and_the_same_pass() -> None:
    assert looks_like_html(HTML_PAGE)
    article = parse_article(HTML_PAGE, url="https://news.example/acme")
    assert article.title == "Acme Motors to build Ohio battery plant"
    assert article.paragraphs == tuple(STORY)
    assert article.url == "https://news.example/acme"
    assert article.published and article.published.startswith("2024-03-03")
    for junk in ("Rival unveils", "cookies", "newsletter", "Home", "Photo:", "By Jane Doe"):
        assert junk not in article.body


def test_tiny_html_fragment_still_parses() -> None:
    article = clean_html("<p>Acme news today</p><p>Acme said profits rose by a fifth.</p>")
    assert article.title == "Acme news today"
    assert article.paragraphs == ("Acme said profits rose by a fifth.",)


def test_plain_text_with_angle_brackets_is_not_html() -> None:
    assert not looks_like_html("Profits < costs, said the firm.\n\nRevenue > $5bn.")


def test_article_from_parts_uses_the_given_headline() -> None:

    body = "\n\n".join([STORY[0], "Advertisement", *STORY[1:], "Related articles", "Teaser."])
    article = article_from_parts("Acme Motors to build Ohio battery plant", body, url="u")
    assert article.title == "Acme Motors to build Ohio battery plant"
    assert article.paragraphs == tuple(STORY)
    assert article.url == "u"
    assert article_from_parts("", "Headline here\n\n" + STORY[0]).title == "Headline here"


@given(
    st.lists(
        st.sampled_from(
            [
                *STORY,
                "Advertisement",
                "Related articles",
                "Share Story:",
                "Photo: Reuters",
                "",
                "By Jane Doe | 1 May",
                "  \t ",
            ]
        ),
        max_size=12,
    )
)
@settings(max_examples=150, deadline=None)
def test_cleaning_only_drops_never_invents(blocks: list[str]) -> None:
    text = "Headline of the day\n\n" + "\n\n".join(blocks)
    try:
        article = clean_text(text)
    except EmptyArticleError:
        assert not set(blocks) & set(STORY)  # a story paragraph always survives until a cut
        return
    assert article.title == "Headline of the day"
    assert set(article.paragraphs) <= set(STORY)
    assert len(article.paragraphs) == len(set(article.paragraphs))


_UNDATED_PAGE = (
    "<html><head><title>Tesla cuts prices in China</title></head><body><article>"
    "<h1>Tesla cuts prices in China</h1>"
    "<p>Tesla cut the prices of its Model 3 and Model Y in China on Friday, the third cut.</p>"
    "<p>BYD sold more electric cars than Tesla in the last quarter, industry data showed.</p>"
    "</article><footer>© 2026 Example News. All rights reserved.</footer></body></html>"
)


def test_an_undated_page_gets_no_date_from_its_copyright_line() -> None:
    assert clean_html(_UNDATED_PAGE).published is None
    dated = _UNDATED_PAGE.replace(
        "<head>", '<head><meta property="article:published_time" content="2025-03-14T09:00:00Z">'
    )
    assert (clean_html(dated).published or "").startswith("2025-03-14")


def test_an_empty_headline_keeps_an_opening_sentence_as_text() -> None:
    # A batch row {title: "", article: "..."} whose first paragraph is a short lead
    # sentence (BBC, XSum-style rows): the lead stays in the text, it is no headline.
    from summarizer.summarize import build_document
    from summarizer.text.clean import DERIVED_TITLE, article_from_parts

    lead = "Quarterly profits at Acme Motors jumped 76% to $1.13bn in the last three months."
    article = article_from_parts("", lead + "\n\n" + "\n\n".join(STORY))
    assert article.extra.get(DERIVED_TITLE)
    assert build_document(article).sentences[0] == lead
    # ...while a first line that does not end a sentence is still the headline
    assert article_from_parts("", "Acme profits jump\n\n" + STORY[0]).title == "Acme profits jump"


def test_an_untitled_story_is_titled_with_its_opening_sentence_without_the_wire_tag() -> None:

    wire = "(CNN)He's a star college recruit. She's a high school freshman. They went to prom."
    assert article_from_parts("", wire).title == "He's a star college recruit."
    question = "(CNN)As goes Walmart, so goes the nation? Everyone from Apple to the NCAA agreed."
    assert article_from_parts("", question).title == "As goes Walmart, so goes the nation?"
    # An abbreviation or an initial ends no sentence; a long opening is cut at 10 words.
    long = "Gov. J. Smith of the U.S. state of Ohio met Acme Motors on Tuesday. It went well."
    assert article_from_parts("", long).title == "Gov. J. Smith of the U.S. state of Ohio met…"


def test_a_stored_untitled_story_keeps_its_opening_sentence() -> None:
    # The bot stores the title clean_text made; read back, it must not become a headline
    # that the opening sentence "repeats" (which would drop the story's lead).
    from summarizer.summarize import summarize
    from summarizer.text.clean import DERIVED_TITLE, article_from_parts

    lead = "Acme Motors will build a battery plant in Ohio."
    fresh = article_from_parts("", " ".join([lead, *STORY]))
    stored = article_from_parts(fresh.title, "\n\n".join(fresh.paragraphs))
    assert fresh.title == stored.title == lead
    assert stored.extra.get(DERIVED_TITLE)
    assert summarize(stored).sentences[0] == lead == summarize(fresh).sentences[0]


def test_untitled_text_that_lost_its_capitals_is_titled_with_a_capital() -> None:
    # The summary of such text opens its sentences on capitals; its headline does too.
    from summarizer.text.clean import DERIVED_TITLE, article_from_parts

    text = "i think acme motors will build a plant in ohio. " + " ".join(STORY).lower()
    fresh = article_from_parts("", text)
    assert fresh.title == "I think acme motors will build a plant in ohio."
    # Read back from storage, that headline is still the one made from the text.
    stored = article_from_parts(fresh.title, "\n\n".join(fresh.paragraphs))
    assert stored.extra.get(DERIVED_TITLE) and stored.title == fresh.title
    # Cased text keeps its opening word as written ("iPhone", not "IPhone").
    assert article_from_parts("", "iPhone sales rose 5% in Ohio. " + STORY[0]).title == (
        "iPhone sales rose 5% in Ohio."
    )


def test_a_glued_scroll_prompt_is_cut_out_of_the_text() -> None:
    # Daily Mail copy: the prompt runs into the next sentence with no stop between them.

    text = (
        "The zoo said the boy was safe. Scroll down for video A mother was holding the boy "
        "when he fell. Readers can scroll down for video of the rescue, the zoo said."
    )
    assert article_from_parts("", text).paragraphs == (
        "The zoo said the boy was safe. A mother was holding the boy when he fell. Readers "
        "can scroll down for video of the rescue, the zoo said.",
    )


def test_a_huge_page_is_read_from_its_first_part_without_scripts() -> None:
    from summarizer.text.clean import parse_article
    from summarizer.text.html_page import MAX_HTML_CHARS, trimmed

    story = "".join(f"<p>{s}</p>" for s in STORY)
    script = "<script>" + "var x = 1;" * 200_000 + "</script>"  # 2 MB of script, no text
    page = f"<html><head><title>Acme builds a plant</title>{script}</head><body>"
    page += f"<article>{story}</article>" + "<p>Filler paragraph of the page.</p>" * 45_000
    assert len(page) > 2 * MAX_HTML_CHARS
    kept = trimmed(page)
    assert len(kept) <= MAX_HTML_CHARS and "var x" not in kept and kept.endswith(">")
    assert parse_article(page).paragraphs[: len(STORY)] == tuple(STORY)
    # Marks left open run to the end, as a browser reads them (and are cut in one pass).
    assert "<script" not in trimmed("<p>Text.</p>" + "<script>" * 500_000)
    assert trimmed("<p>short</p><script>x</script>") == "<p>short</p><script>x</script>"
    # Letters whose lower case is longer ("İ" -> "i̇") shift nothing, and end the loop.
    from summarizer.text.html_page import _without

    turkish = "<p>İstanbul İzmir</p><SCRIPT>var x;</script><p>Kept.</p><script><script>"
    assert _without(turkish, "<script", "</script>") == "<p>İstanbul İzmir</p> <p>Kept.</p> "


def test_text_limit_reads_the_part_of_a_page_holding_that_much_text() -> None:
    from summarizer.text.html_page import extract_page, text_head
    from tests.support.growth import FACTOR, growth

    def page(paragraphs: int) -> str:
        body = "".join(f"<p>{STORY[n % len(STORY)]} ({n})</p>" for n in range(paragraphs))
        return f"<html><head><title>Acme builds a plant</title></head><body>{body}</body></html>"

    small = page(20)
    assert text_head(small, 10_000) == small  # under the limit: untouched
    head = text_head(page(5_000), 10_000)
    assert 10_000 < len(head) < 12_000 and head.endswith("</html>")  # closed, still a page
    read = extract_page(page(5_000), text_limit=10_000)
    assert read.lines[: len(STORY)] == tuple(f"{s} ({n})" for n, s in enumerate(STORY))
    assert 9_000 < sum(map(len, read.lines)) < 11_000

    def reading(paragraphs: int) -> Callable[[], object]:
        html = page(paragraphs)
        return lambda: extract_page(html, text_limit=10_000)

    # Within MAX_HTML_CHARS: without the limit, a page FACTOR times larger takes ~FACTOR
    # times longer; with it, about as long.
    assert growth(reading, 1_500) < FACTOR / 2
