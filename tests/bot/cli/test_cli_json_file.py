"""``newsbot summarize`` and ``newsbot companies`` read a .json file as ``newsbot ingest`` does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main

STORY = {
    "title": "Kmart to buy Sears",
    "body": "Discount retailer Kmart said on Wednesday it will buy Sears for $11bn. "
    "The deal creates the third-largest US retailer.\n\nKmart's chairman will lead it.",
}


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            '{"title": "Kmart", "body": ',
            "is not valid JSON (line 1)",
        ),  # was "a headline but no text"
        (json.dumps([STORY, STORY | {"title": "Again"}]), "holds 2 articles, not one"),
        (json.dumps({"articles": [STORY, STORY]}), "holds 2 articles, not one"),
        ("[]", "holds no article"),
        ('"just a string"', "is not a JSON object"),  # was printed as its own summary
    ],
)
def test_a_json_file_without_exactly_one_article_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "in.json"
    path.write_text(content, encoding="utf-8")
    for command in ("summarize", "companies"):
        code, out, err = _run(capsys, command, str(path))
        assert (code, out) == (1, ""), (command, out)
        assert message in err and err.count("\n") == 1, (command, err)


def test_a_json_file_holding_one_article_in_a_list_is_that_article(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "in.json"
    path.write_text(json.dumps([STORY]), encoding="utf-8")
    code, out, _ = _run(capsys, "summarize", str(path))
    assert code == 0 and out.splitlines()[0] == "Kmart to buy Sears"
    assert "[{" not in out
