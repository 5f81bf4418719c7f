"""``newsbot companies`` through the real entry point and a real process."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main

REPO = Path(__file__).resolve().parents[3]
SEED = REPO / "seeds" / "articles" / "xiaomi-ev-race.txt"

PAGE = """<!DOCTYPE html><html><head><title>Shell profit beats forecasts</title></head><body>
<nav><a href="/">Home</a> <a href="/apple">Apple news</a></nav><article>
<h1>Shell profit beats forecasts</h1>
<p>Shell plc reported first-quarter profit of $7.7 billion on Thursday, beating forecasts.</p>
<p>The energy major said it would buy back another $3.5 billion of shares. Shell's gas
division made $3.7 billion.</p>
<p>Rival BP reports next week. Shell shares rose 1.8% in London.</p>
<h2>Related articles</h2><p>Microsoft and Amazon lead a tech rally on Wall Street.</p>
</article></body></html>"""


@pytest.fixture
def server(serve_routes: Callable[..., str]) -> str:
    return serve_routes({"/shell": (200, "text/html; charset=utf-8", PAGE.encode())})


def test_seed_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["companies", "--json", str(SEED)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == "Smartphone maker Xiaomi to enter electric vehicle race"
    companies = data["companies"]
    assert companies[0]["name"] == "Xiaomi"
    assert {c["name"] for c in companies[1:]} == {
        "Great Wall Motor",
        "Apple",
        "Huawei",
        "Baidu",
        "Geely",
    }
    assert set(companies[0]) == {"name", "salience", "subject", "mentions"}
    assert companies[0]["subject"] is True and companies[0]["mentions"] == 11
    assert all(c["subject"] is False for c in companies[1:])
    assert "Microsoft" not in {c["name"] for c in companies}


def test_plain_text_one_line_per_company(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["companies", str(SEED)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 6
    name, salience, subject, mentions = lines[0].split()
    assert (name, subject, mentions) == ("Xiaomi", "subject", "11") and float(salience) > 0.9
    assert all(line.split()[-2] == "passing" for line in lines[1:])


def test_stdin_in_a_real_process(run_newsbot: Callable[..., Any]) -> None:
    done = run_newsbot("companies", "--json", "-", input=SEED.read_bytes())
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["companies"][0]["name"] == "Xiaomi"


def test_url_page_is_cleaned_before_matching(
    server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["companies", "--allow-private-fetch", "--json", f"{server}/shell"]) == 0
    companies = json.loads(capsys.readouterr().out)["companies"]
    assert [(c["name"], c["subject"]) for c in companies] == [("Shell", True), ("BP", False)]


def test_custom_name_with_also(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "story.txt"
    path.write_text(
        "Frobnicate Widgets raises $10m\n\nFrobnicate Widgets said on Monday it "
        "raised $10m from investors including Tencent.\n",
        encoding="utf-8",
    )
    assert main(["companies", "--json", str(path)]) == 0
    assert [c["name"] for c in json.loads(capsys.readouterr().out)["companies"]] == [
        "Tencent Holdings"
    ]
    assert main(["companies", "--json", "--also", "Frobnicate Widgets", str(path)]) == 0
    names = [c["name"] for c in json.loads(capsys.readouterr().out)["companies"]]
    assert names == ["Frobnicate Widgets", "Tencent Holdings"]


def test_article_without_companies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "rain.txt"
    path.write_text("Rain expected\n\nIt will rain on Tuesday across the north.\n", "utf-8")
    assert main(["companies", str(path)]) == 0
    assert capsys.readouterr().out == "No known company is mentioned.\n"
    assert main(["companies", "--json", str(path)]) == 0
    assert json.loads(capsys.readouterr().out) == {"title": "Rain expected", "companies": []}


def test_bad_inputs_give_one_line_errors(
    tmp_path: Path, server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["companies", str(tmp_path / "missing.txt")]) == 1
    assert capsys.readouterr().err.startswith("newsbot: No such file")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["companies", str(empty)]) == 1
    assert main(["companies", f"{server}/nowhere"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 2 and "Traceback" not in err
    assert main(["companies"]) == 2


def test_also_finds_short_forms_and_refuses_bad_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "story.txt"
    path.write_text(
        "Zephyrine profits rise\n\nZephyrine Schweppington said sales rose 5% in Europe. "
        "Zephyrine also cut costs, the confectioner said.\n",
        encoding="utf-8",
    )
    assert (
        main(
            [
                "companies",
                "--json",
                "--also",
                "Zephyrine Schweppington",
                "--also",
                "x",
                "--also",
                "Orange",
                str(path),
            ]
        )
        == 0
    )
    captured = capsys.readouterr()
    companies = json.loads(captured.out)["companies"]
    assert companies[0]["name"] == "Zephyrine Schweppington" and companies[0]["mentions"] == 3
    assert companies[0]["subject"] is True
    assert "'x' ignored: a one-letter name" in captured.err


def test_score_against_labels(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "eval"
    data.mkdir()
    rows = [
        {
            "id": "a1",
            "title": "Kmart to buy Sears",
            "article": "Kmart Corp said on Wednesday "
            "it will buy Sears, Roebuck & Co. Kmart shares rose.\n\nAnalysts at Goldman Sachs "
            "said the deal made sense. Kmart and Sears will keep both brands.",
        },
        {"id": "a2", "title": "Rain expected", "article": "It will rain on Tuesday."},
    ]
    (data / "mini.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    labels = tmp_path / "labels.jsonl"
    labels.write_text(
        "\n".join(
            json.dumps(x)
            for x in [
                {
                    "source_file": "mini",
                    "id": "a1",
                    "subjects": ["Kmart", "Sears"],
                    "mentions": ["Goldman Sachs"],
                    "aliases_seen": {"Sears": ["Sears, Roebuck & Co."]},
                },
                {
                    "source_file": "mini",
                    "id": "a2",
                    "subjects": [],
                    "mentions": [],
                    "aliases_seen": {},
                },
            ]
        ),
        encoding="utf-8",
    )
    assert main(["companies", "--score", str(labels), "--data", str(tmp_path)]) == 0
    lines = {
        line.split()[0] + (" " + line.split()[1] if line.split()[1].isalpha() else ""): line.split()
        for line in capsys.readouterr().out.splitlines()[2:]
    }
    overall = lines["all"]
    assert overall[1:3] == ["2", "2"]  # articles, labelled subjects
    assert overall[5] == "0/1"  # Goldman Sachs, quoted as a source, does not alert
    assert main(["companies", "--score", str(labels), "--data", str(tmp_path / "nope")]) == 1


def test_also_with_a_registry_name_that_is_a_word_is_not_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "Google" is an ordinary word and a registry company: /subscribe takes it, so
    --also must too (no "ignored" warning), while a plain word stays refused."""
    path = tmp_path / "story.txt"
    path.write_text(
        "Google unveils maps game\n\nGoogle said on Tuesday that Google Maps now plays "
        "Pac-Man. Google has a history of April pranks.\n",
        encoding="utf-8",
    )
    args = ["companies", "--json", "--also", "Google", "--also", "house", str(path)]
    assert main(args) == 0
    captured = capsys.readouterr()
    assert [c["name"] for c in json.loads(captured.out)["companies"]] == ["Google"]
    assert "'Google' ignored" not in captured.err
    assert "'house' ignored: 'house' is an ordinary word" in captured.err


def test_also_with_a_registry_company_by_a_longer_name_counts_all_its_mentions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--also "SkyWest Airlines" is the registry's SkyWest, as /subscribe finds it: the
    story's "SkyWest" mentions are its own, not left to a second company of that name."""
    path = tmp_path / "story.txt"
    path.write_text(
        "A SkyWest Airlines flight made an emergency landing in Buffalo on Wednesday, "
        "officials said. The passenger was released, according to a spokeswoman for SkyWest. "
        "SkyWest also said there was no problem with the plane's door.\n",
        encoding="utf-8",
    )
    assert main(["companies", "--json", "--also", "SkyWest Airlines", str(path)]) == 0
    found = json.loads(capsys.readouterr().out)["companies"]
    assert [c["name"] for c in found] == ["SkyWest"] and found[0]["mentions"] >= 3


def test_also_with_a_capitalised_ordinary_word_follows_it_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "Ring", as /subscribe Ring follows it: matched where written "Ring", never in
    "the ring name"; "--score" follows labelled names the same way."""
    path = tmp_path / "story.txt"
    path.write_text(
        "Amazon to buy doorbell maker Ring\n\nAmazon said it would buy Ring for $1bn. "
        "Ring makes video doorbells. A wrestler's ring name is not a company.\n",
        encoding="utf-8",
    )
    assert main(["companies", "--json", "--also", "Ring", str(path)]) == 0
    captured = capsys.readouterr()
    ring = next(c for c in json.loads(captured.out)["companies"] if c["name"] == "Ring")
    assert ring["mentions"] == 3 and ring["subject"]  # headline, "buy Ring", "Ring makes"
    assert "ignored" not in captured.err
