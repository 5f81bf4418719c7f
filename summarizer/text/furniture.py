"""The page-furniture rules: which paragraphs of a scraped page are not the story.

Two kinds of rule, both plain data you can read:

* the *tail cut*: a share widget or a "Recent Stories" / "Related articles" /
  "More from" / "Read more" heading ends the article — what follows is teasers of
  other stories, so it is dropped (only once the story has started, so a share bar
  above the text does not empty the page);
* line rules: cookie, newsletter and subscribe lines, bylines, photo credits and
  captions, "Advertisement", video-player notices, wire and contributor credits,
  correction notes, follow and reader prompts ("Have you been affected? Share your
  experiences …") and similar page furniture are dropped wherever they are.

Rules match whole short paragraphs, never words inside prose: "Xiaomi's share
price rose" and "shares rose 9 per cent" are news, not widgets.

:mod:`summarizer.text.boilerplate` applies them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rule:
    """A paragraph-level boilerplate rule: drop a paragraph of at most
    ``max_words`` words that matches ``pattern``, for ``reason``.

    For a tail marker, ``min_story`` is how many story paragraphs must come first
    for it to end the article (share bars also sit above the text; "Related" does not).
    """

    pattern: re.Pattern[str]
    reason: str
    max_words: int = 12
    min_story: int = 1


def _rule(pattern: str, reason: str, max_words: int = 12, min_story: int = 1) -> Rule:
    return Rule(re.compile(pattern, re.IGNORECASE), reason, max_words, min_story)


_SOCIAL = (
    r"(facebook|twitter|x|linkedin|whatsapp|email|e-mail|reddit|pinterest|telegram|print"
    r"|copy link|messenger|flipboard)"
)

# Headings after which the rest of the page is other stories (the tail cut).
TAIL_MARKERS: tuple[Rule, ...] = (
    _rule(
        r"^share (this |the )?(story|article|post|page|on|via)\b[\s\w:]*$|^share this\s*:?$",
        "share widget",
        8,
        min_story=2,
    ),
    _rule(
        rf"^(share|tweet|{_SOCIAL})(\s*[,|/·•]?\s*{_SOCIAL})*\s*:?$",
        "share buttons",
        10,
        min_story=2,
    ),
    _rule(
        r"^(most )?(recent|related|latest|popular|trending|top|more|other|recommended"
        r"|similar|featured|editor'?s'? picks?)( news)? (stories|articles|news|posts|reads"
        r"|content|links|coverage|topics|videos)\b.{0,30}$",
        "other-stories heading",
        6,
    ),
    _rule(
        r"^(related|more|read more|see also|read also|also read|more stories|trending"
        r"|most (read|popular|viewed|shared|watched))\s*:?$",
        "other-stories heading",
        3,
    ),
    _rule(r"^more (from|on|about|in) [\w .&'’-]{1,40}:?$", "other-stories heading", 6),
    _rule(
        r"^(you|we think you) (may|might|could) (also )?(like|enjoy|be interested)\b",
        "recommendations",
        10,
    ),
    _rule(
        r"^(comments?|\d+ comments?|comments? \(\d+\)|leave a (comment|reply)|join the "
        r"(conversation|discussion))\s*:?$",
        "comments",
        5,
    ),
)

# Page furniture dropped wherever it appears.
LINE_RULES: tuple[Rule, ...] = (
    _rule(
        r"\bcookies?\b.*\b(use|accept|consent|policy|settings|preferences|agree)\b"
        r"|\b(use|accept|consent to) (of )?(all )?cookies\b",
        "cookie notice",
        40,
    ),
    _rule(
        r"^(sign up|subscribe|register|join)\b.*\b(newsletter|updates|alerts|briefing|daily"
        r"|weekly|inbox|free)\b",
        "newsletter prompt",
        30,
    ),
    _rule(
        r"\bnewsletters?\b.*\b(sign up|subscribe|inbox|delivered|free|register)\b"
        r"|\b(sign up|subscribe|register)\b.*\bnewsletters?\b|^(our|the) .{0,30}newsletters?:?$",
        "newsletter prompt",
        30,
    ),
    _rule(r"^subscribe( now| today| here| to\b.*)?[.!]?$", "subscribe prompt"),
    _rule(
        r"^\(?(photo(graph)?|image|picture|illustration|video|graphic|caption|composite)s?"
        r"( credit)?\s*[:|/©]",
        "photo credit",
        20,
    ),
    _rule(r"^(image|photo|picture) (credit|copyright|source|courtesy)\b", "photo credit", 20),
    # BBC pages from 2016 on label a caption with no stop: "Image caption Protesters gathered…".
    _rule(r"^(image|media|video) (source\s*[,:]|caption\b)", "photo caption", 40),
    _rule(
        r"^(media playback is (not supported|unsupported) on (this|your) device|(this|the) "
        r"video is (currently )?(unavailable|not available))\b",
        "player notice",
        10,
    ),
    _rule(r"^(watch( the video)?|listen|video|gallery|in pictures)\s*:", "media teaser", 20),
    _rule(r"^listen (to [\w' ]{1,40} )?(live|again|back)\b", "media teaser", 20),
    _rule(r"^\(?(additional )?(reporting|writing|editing|compiled) by\b", "wire credit line", 30),
    # "CNN's Jane Doe and John Smith contributed to this report." ends many US stories.
    _rule(r"\bcontributed( reporting)? to this (report|story|article)\W*$", "contributor line", 30),
    _rule(
        r"^(this (article|story|report|piece) (was|has been) (amended|corrected|updated)\b|"
        r"(correction|clarification)s?\s*:)",
        "correction note",
        25,
    ),
    _rule(r"^our standards\s*:", "wire credit line", 12),
    _rule(r"^[\W_]+$", "separator", 10),
    _rule(
        r"^\(?(getty( images)?|reuters|afp|ap photo|epa|shutterstock|pa media|bloomberg)"
        r"(\s*[/|,]\s*[\w ]+)?\)?$",
        "photo credit",
        6,
    ),
    # Names must be capitalised (case-sensitive part): "By Jane Doe", not "By the end".
    _rule(
        r"^((posted|written|produced|edited) )?by\s+(?-i:[A-Z])[\w.'’-]*"
        r"(\s+(and\s+)?(?-i:[A-Z])[\w.'’-]*){0,4}\s*([|,·•–-].*)?$(?<![.!?\"”])",
        "byline",
        14,
    ),
    _rule(
        r"^(published|updated|last (updated|modified)|posted|first published)(\s+(on|at))?\s*:?\s*"
        r"(\d|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|yesterday|today"
        r"|(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b).*(?<![!?\"”])(?<!(?-i:[a-z])\.)$",
        "timestamp",
        10,
    ),
    # A line that is only a time and a date: Daily Mail rows open "By . Jane Doe . PUBLISHED: .
    # 14:11 EST, 25 October 2013 . | . UPDATED: . …", split at each " . ".
    _rule(
        r"^(\d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?\s*(?-i:[A-Z]{2,4})?,?\s*)?(\d{1,2}(st|nd|rd|th)?\s+)?"
        r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}(st|nd|rd|th)?,?\s+)?"
        r"\d{4}[\s.|]*$",
        "timestamp",
        8,
    ),
    _rule(
        r"^(story continues below )?(advertisement|advert|sponsored( content| stories| links)?"
        r"|ad|skip advertisement|promoted)\s*:?$",
        "advertisement",
        4,
    ),
    _rule(r"^(click|tap) (here|to (share|e-?mail|print|tweet))\b", "click prompt", 15),
    # The New York Times' page: "Continue reading the main story", "Supported by", photo
    # credits with no colon ("Credit Jane Doe for The New York Times"), the print line.
    _rule(
        r"^(continue reading( the main story)?|supported by|story highlights)\W*$", "site link", 5
    ),
    _rule(
        r"^(credit|photo(graph)?s? by)\s+[^.!?]{0,80}\b(for the new york times|getty images|"
        r"reuters|associated press|agence france-presse|afp|epa|bloomberg|shutterstock)\)?$",
        "photo credit",
        15,
    ),
    _rule(r"^a version of this (article|story) appears in print\b", "print note", 40),
    _rule(r"^order reprints\b", "site link", 10),
    _rule(r"^(tags|filed under|categories)\s*:|^posted in\b[^.!?]*$", "topic tags", 15),
    _rule(r"^sources?\s*:[^.!?]*$", "source line", 8),
    # How to reach the newsroom: "Contact Jane Doe at jane@…", "WhatsApp: +44 …".
    _rule(
        r"^(contact (\w+ ){1,4}at \S+@\S+$|(whatsapp|tweet|sms|text|telephone|phone)\s*:\s*[@+\d]|"
        r"send an? (sms|text|mms)\b|upload your (pictures|photos|videos?)\b|read the terms and "
        r"conditions\b)",
        "contact line",
        15,
    ),
    _rule(r"^scroll (down|up)\b[^.!?]*[.!?]?$", "scroll prompt", 10),  # "Scroll down for video ."
    # "Have your say" boxes ask the reader, they report nothing: "Do you think X should…?"
    _rule(r"^((do|what do|how do) you think\b[^.!]*\?|have your say\b.*)$", "reader prompt", 25),
    _rule(
        r"^follow (us|\w+) on\b|^follow @\w+|^follow (\w+ ){1,4}on (twitter|facebook|"
        r"instagram|x|youtube|linkedin)\b|^(like|join) us on\b|^join the (conversation|"
        r"discussion)\b.*\b(facebook|twitter|instagram)\b",
        "follow prompt",
        15,
    ),
    # Asking readers for their stories: "Have you been affected? Share your experiences by
    # emailing …", "Please include a contact number …", "Send your pictures to …".
    # Each part is also a sentence of its own once a paragraph is split.
    _rule(
        r"^((have|are|were|do|did) you\b[^.?!]{0,80}\?\s*(share|e-?mail|contact|get in touch|"
        r"send|tell us|let us know|call)\b|(have you been|are you|were you) affected\b[^.!]*\?|"
        r"(do you have|got) a (news )?(story|tip)\b[^.!]*\?|(share|send|e-?mail)( us)? your "
        r"(experiences?|stories|story|views|pictures|photos|videos)\b|please include a contact "
        r"number\b|(if you (want|would like) to )?get in touch with (us|\w+),|you can (also )?"
        r"(contact|e-?mail|reach|follow) (us|\w+) (in|on|at|by)\b)",
        "reader prompt",
        25,
    ),
    # An embedded social post as a page keeps it: its picture link or its signature
    # ("… pic.twitter.com/AbC123 — Jane Roe (@JaneRoe) March 3, 2015"). Quoting a handle
    # inside a sentence ("said Jane Roe (@JaneRoe), who …") is no signature.
    _rule(
        r"pic\.twitter\.com/|\(@\w{1,15}\)\s*((jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
        r"[a-z]*\.? \d{1,2}, \d{4})?[\s.]*$",
        "embedded post",
        70,
    ),
    _rule(r"^find all the latest\b.*\bon our dedicated page\b", "site link", 15),
    _rule(r"all rights reserved|^(©|copyright ©?\s*\d{4})", "copyright line", 20),
    _rule(
        r"^(terms of (use|service)|privacy (policy|notice)|contact us|about us)\b", "site link", 8
    ),
    _rule(
        r"^(listen to (this )?(article|story)|\d+\s*min(ute)?s? read|reading time)\b",
        "reading aid",
        8,
    ),
    _rule(r"(enable|turn on) javascript|browser does not support", "browser notice", 25),
    _rule(
        r"^(read more|see also|related|also read|read this|M(?-i:ORE))\s*:",
        "link to another story",
        25,
    ),
    # A note about the piece, not the story: "Editor's note: An earlier version of this
    # article said …", "The opinions expressed in this commentary are solely those of …".
    _rule(r"^editor'?s'? note\s*:", "editor's note", 30),
    _rule(r"^the (views|opinions) expressed (in this \w+ )?are\b", "editor's note", 25),
    _rule(r"^this (article|story|page) is more than \w+ (years?|months?) old\b", "age notice", 10),
    _rule(r"^(e-?mail|print|share) this (story|article|page|post)\W*$", "share buttons", 6),
    _rule(
        rf"^share this with(\s*[,|]?\s*{_SOCIAL})*\W*$|^copy (this |the )?link\W*$",
        "share buttons",
        12,
    ),
    # A credit naming the photographer first: "Jane Doe/AP", "John Smith / Getty Images".
    _rule(
        r"^(?-i:[A-Z])[\w.'’-]+( (?-i:[A-Z])[\w.'’-]+){0,3}\s*/\s*(ap|afp|reuters|epa|pa|getty"
        r"( images)?|bloomberg|shutterstock)\)?$",
        "photo credit",
        6,
    ),
    # What is left of a player, an embed or the page's navigation.
    _rule(
        r"^(loading(\s*(video|comments|player|image|gallery))?\s*(\.{3}|…)?|this video (can ?not"
        r"|can't) be played\b.*|embed|back to top|skip to (main )?content|(next|previous) "
        r"(article|story|page)|save (this )?(article|story)|view (\d+ )?comments|enlarge this "
        r"image|(toggle|hide|show) caption|open image in gallery|reuse (this )?content)\W*$",
        "site link",
        10,
    ),
    # Instagram's embed line: "A post shared by Jane Roe (@janeroe) on Mar 3, 2015 at …".
    _rule(r"^an? (photo|video|post) (shared|posted) by\b[^.!?]{0,60}\(@\w+\)", "embedded post", 30),
    _rule(
        r"^(reuse this content|the \w+ is not responsible for the content of external\b)",
        "site link",
        20,
    ),
)

# Every rule, tail markers first.
ALL_FURNITURE = TAIL_MARKERS + LINE_RULES
