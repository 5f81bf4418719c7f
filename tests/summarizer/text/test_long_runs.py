"""A runaway "sentence" that no capitalised starter splits is cut where its clauses meet."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.text.glued import LOST_STOPS_WORDS, RUNAWAY_WORDS
from summarizer.text.long_runs import MIN_WORDS, cut_long_run
from summarizer.text.split import NewsTokenizer

# The opening of a CNN story lower-cased, with every ". ! ? ; :" before a space removed:
# a transcript, or a paste that lost both its stops and its capitals.
TRANSCRIPT = (
    "if you've been following the news lately, there are certain things you doubtless know "
    "about mohammad javad zarif he is, of course, the iranian foreign minister he has been "
    "u.s. secretary of state john kerry's opposite number in securing a breakthrough in "
    "nuclear discussions that could lead to an end to sanctions against iran and he received "
    "a hero's welcome as he arrived in iran on a sunny friday morning crowds chanted as his "
    "car rolled slowly down the packed street he certainly has gone a long way to bring iran "
    "in from the cold but there are some facts about zarif that are less well-known"
)


def test_a_lower_case_transcript_is_cut_before_its_clauses(tok: NewsTokenizer) -> None:
    sentences = tok.to_sentences(TRANSCRIPT)
    assert " ".join(sentences) == TRANSCRIPT
    assert max(len(s.split()) for s in sentences) <= LOST_STOPS_WORDS
    openings = [s.split()[:2] for s in sentences[:3]]
    assert openings == [["if", "you've"], ["he", "is,"], ["he", "has"]]
    assert any(s.startswith("he certainly has gone") for s in sentences)
    assert not any(s.startswith("he arrived") for s in sentences)  # "as he arrived"
    assert "u.s. secretary of state" in " ".join(s for s in sentences if "u.s." in s)


def test_lower_case_text_is_cut_at_the_full_stops_punkt_left(tok: NewsTokenizer) -> None:
    """Punkt will not split before a lower-case word, so lower-cased text keeps its stops
    inside long runs ("… in 2003. liberia is …")."""
    text = (
        "the economy started to grow in 2004, the imf said, after years of decline and with "
        "help from donors who pledged money for roads, schools and clinics across the country "
        "in 2003. liberia is recovering from a 14-year civil war that came to an end that year "
        "and the imf wants more openness in how the government spends the money it receives "
        "from abroad and from taxes, it said in a report on monday"
    )
    sentences = tok.to_sentences(text)
    assert any(s.endswith("in 2003.") for s in sentences)
    assert " ".join(sentences) == text


@pytest.mark.parametrize(
    ("before", "after", "cut"),
    [
        ("the foreign minister", "he has been", True),
        ("officials said", "he would resign", False),  # a clause after a reporting verb
        ("we know that", "they will come", False),
        ("in from the cold", "but there are", True),
        ("a deal in 2003.", "liberia is", True),
        ("talks with the u.s.", "secretary of state", False),
        ("in january, when they", "also signed up", False),  # no clause ends on "they"
    ],
)
def test_cut_places_in_lower_case_text(before: str, after: str, cut: bool) -> None:
    """Off the middle of a run whose other places are all poor (after "of", "and", ...),
    a good place is cut and a poor one is not."""
    filler = "of and for with to as by from"
    piece = f"{filler} {before} {after} {filler} {filler} {filler} {filler} {filler}"
    pieces = cut_long_run(piece, LOST_STOPS_WORDS)
    here = any(a.endswith(before) and b.startswith(after) for a, b in pairwise(pieces))
    assert here is cut
    assert " ".join(pieces) == piece


def test_a_list_of_names_stays_whole() -> None:
    """Cut up, a list's pieces look like sentences and get picked for a summary."""
    squad = ", ".join(
        f"{first} {last} (glasgow rugby)"
        for first, last in [("mike", "blair"), ("andy", "craig"), ("chris", "cusiter")] * 6
    )
    assert cut_long_run(f"backs: {squad}", LOST_STOPS_WORDS) == [f"backs: {squad}"]


def test_cased_text_is_cut_only_after_a_weekday() -> None:
    """Cased text reaches this step only when no starter word split it; a capitalised word
    after a weekday is a new sentence ("… said on Wednesday Kim Ki-Jong was …"), other
    capitalised words are names or captions and stay."""
    opening = " ".join(["the police in the capital said the man was held overnight"] * 4)
    closing = " ".join(["in a cell near the station and would appear in court soon"] * 4)
    pieces = cut_long_run(f"{opening} on Wednesday Kim Ki-Jong was held {closing}", 40)
    assert pieces[0].endswith("on Wednesday")
    assert pieces[1].startswith("Kim Ki-Jong")
    captions = " ".join(["a man pulls a trailer across the Mekong river crossing Vietnam"] * 8)
    assert cut_long_run(captions, 40) == [captions]


@pytest.mark.parametrize("name", ["the Sunday Times", "Good Friday Agreement"])
def test_a_weekday_inside_a_name_is_not_cut(name: str) -> None:
    opening = " ".join(["the police in the capital said the man was held overnight"] * 4)
    closing = " ".join(["in a cell near the station and would appear in court soon"] * 4)
    run = f"{opening} as reported by {name} and {closing}"
    assert any(name in piece for piece in cut_long_run(run, 40))


def test_a_run_with_no_place_to_cut_is_halved_anywhere() -> None:
    run = " ".join(f"w{i}" for i in range(RUNAWAY_WORDS * 3))
    pieces = cut_long_run(run, LOST_STOPS_WORDS)
    assert " ".join(pieces) == run
    assert max(len(p.split()) for p in pieces) <= LOST_STOPS_WORDS


@given(
    st.lists(
        st.sampled_from(
            ["the", "he", "but", "said", "deal,", "rose", "2003.", "u.s.", "(the", "a", "Monday"]
        ),
        min_size=RUNAWAY_WORDS,
        max_size=400,
    ),
    st.integers(min_value=MIN_WORDS * 2, max_value=80),
)
@settings(max_examples=200, deadline=None)
def test_cutting_never_loses_text_or_leaves_a_stub(words: list[str], limit: int) -> None:
    piece = " ".join(words)
    pieces = cut_long_run(piece, limit)
    assert " ".join(pieces) == piece
    assert all(len(p.split()) >= MIN_WORDS for p in pieces) or pieces == [piece]


def test_a_transcript_that_capitalises_only_i_counts_as_lower_case() -> None:
    told = (
        "so I went down to the shop on the corner and the man there told me it was closed I "
        "said that was fine because I had to get back to work anyway and my boss was waiting "
        "I’m not sure what happened next but the police came round later and asked us all "
        "some questions about the night before and we told them everything we knew about it"
    )
    pieces = cut_long_run(told, LOST_STOPS_WORDS)
    assert [p.split()[0] for p in pieces] == ["so", "I", "I’m"]
