"""Near-duplicate detection on real article text (the shipped seed article)."""

from __future__ import annotations

from summarizer.text.similarity import distance, fingerprint, overlap, shingles, similar

OTHER = (
    "Shares of the carmaker slid on Tuesday after regulators opened an inquiry into its "
    "driver-assistance software. The agency said it had received dozens of complaints about "
    "sudden braking on motorways. Analysts expect the review to take months and warned that a "
    "recall could follow. The company said it would cooperate fully with the investigation."
)


def _body(seed_text: str) -> str:
    return "\n".join(line for line in seed_text.splitlines()[1:] if line.strip())


def test_a_syndicated_copy_is_the_same_story(seed_text: str) -> None:
    body = _body(seed_text)
    lines = body.splitlines()
    copy = "\n".join(lines[: max(3, len(lines) * 2 // 3)])
    copy = copy.replace(" said ", " told reporters ") + "\nFollow us on social media. (c) Wire"
    assert similar(body, copy)
    assert similar(copy, body)
    assert overlap(shingles(body), shingles(copy)) > 0.6


def test_different_stories_are_not_grouped(seed_text: str) -> None:
    assert not similar(_body(seed_text), OTHER)
    assert overlap(shingles(_body(seed_text)), shingles(OTHER)) < 0.1


def test_fingerprint_is_deterministic_and_close_for_copies(seed_text: str) -> None:
    body = _body(seed_text)
    assert fingerprint(body) == fingerprint(body) != 0
    assert distance(fingerprint(body), fingerprint(body + " Updated.")) < 8
    assert distance(fingerprint(body), fingerprint(OTHER)) > 16


def test_empty_text_is_never_similar() -> None:
    assert fingerprint("") == 0
    assert not similar("", "")
    assert not similar("", OTHER)
