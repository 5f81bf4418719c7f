"""``newsbot summarize`` through the real entry point (bot.cli.main) and a real process."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest

from bot.cli import main

REPO = Path(__file__).resolve().parents[3]
SEED = REPO / "seeds" / "articles" / "xiaomi-ev-race.txt"
TITLE = "Smartphone maker Xiaomi to enter electric vehicle race"
JUNK = ("Share Story", "Recent Stories", "Microsoft Teams", "Virtual agents", "chatbot")

PAGE = """<!DOCTYPE html><html><head><title>Acme to build Ohio plant | Acme News</title>
<meta property="og:site_name" content="Acme News"></head><body><article>
<h1>Acme to build Ohio plant</h1>
<p>Acme Motors said on Tuesday it would build a battery plant in Ohio, creating 2,000 jobs.</p>
<p>The $3.5bn factory will supply cells for the firm's next generation of electric pickups.</p>
<p>Acme's share price rose 4% after the announcement, and its suppliers' shares rose too.</p>
<p>Chief executive Maria Lopez said the plant would be running by 2027.</p>
<h2>Related articles</h2><p>Rival unveils a cheaper electric truck for farmers in Europe.</p>
</article></body></html>"""


ROUTES = MappingProxyType(
    {
        "/moved": (302, "text/plain", b"/article"),
        "/article": (200, "text/html; charset=utf-8", PAGE.encode()),
        "/image": (200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
    }
)


@pytest.fixture
def server(serve_routes: Callable[..., str]) -> str:
    return serve_routes(ROUTES)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(["summarize", *argv])
    except SystemExit as exit_:  # argparse usage errors
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_plain_text_prints_title_then_one_sentence_per_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = _run(capsys, str(SEED))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == TITLE
    assert len(lines) == 4
    assert all(line in SEED.read_text(encoding="utf-8") for line in lines[1:])


def test_json_on_the_seed_has_no_boilerplate_and_no_title(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = _run(capsys, "--json", str(SEED))
    assert code == 0
    data = json.loads(out)
    assert {"title", "sentences", "algorithm", "elapsed_ms"} <= set(data)
    assert data["title"] == TITLE
    assert len(data["sentences"]) == 3
    assert TITLE not in data["sentences"]
    for sentence in data["sentences"]:
        assert not any(junk.lower() in sentence.lower() for junk in JUNK)
    assert isinstance(data["elapsed_ms"], float)
    companies = {c["name"]: c for c in data["companies"]}
    assert set(data["companies"][0]) == {"name", "salience", "subject", "mentions"}
    assert data["companies"][0]["name"] == "Xiaomi" and companies["Xiaomi"]["subject"] is True
    assert "Microsoft" not in companies  # only named in the dropped teasers


def test_sentences_algorithm_and_company_flags(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--json", "-n", "5", "--algorithm", "lead", str(SEED))
    data = json.loads(out)
    assert code == 0 and data["algorithm"] == "lead" and len(data["sentences"]) == 5
    assert data["sentences"][0].startswith("Chinese smartphone maker Xiaomi")
    for company in ("Great Wall", "GWM"):  # a registry alias focuses on the company too
        code, out, _ = _run(capsys, "--json", "-n", "2", "--company", company, str(SEED))
        assert code == 0
        assert any("Great Wall" in s for s in json.loads(out)["sentences"]), company


def test_url_input_is_fetched_and_cleaned(capsys: pytest.CaptureFixture[str], server: str) -> None:
    code, out, err = _run(capsys, "--allow-private-fetch", "--json", "-n", "2", f"{server}/moved")
    assert code == 0, err
    data = json.loads(out)
    assert data["title"] == "Acme to build Ohio plant"
    assert data["url"] == f"{server}/article"  # where the redirect led
    assert len(data["sentences"]) == 2
    assert not any("Rival unveils" in s for s in data["sentences"])


@pytest.mark.parametrize(
    ("path", "message"),
    [("/missing", "404"), ("/image", "not an article")],
)
def test_url_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], server: str, path: str, message: str
) -> None:
    code, out, err = _run(capsys, "--allow-private-fetch", f"{server}{path}")
    assert code == 1 and out == ""
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_html_file_and_legacy_encoding(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    code, out, _ = _run(capsys, "-n", "1", str(page))
    assert code == 0 and out.splitlines()[0] == "Acme to build Ohio plant"
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(
        "Café chain grows\n\nThe café chain opened 40 new cafés in "
        "2023, its chief executive said.".encode("cp1252")
    )
    code, out, _ = _run(capsys, str(legacy))
    assert code == 0 and out.splitlines() == [
        "Café chain grows",
        "The café chain opened 40 new cafés in 2023, its chief executive said.",
    ]


def test_non_english_articles_fall_back_clearly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    french = tmp_path / "fr.txt"
    french.write_text(
        "Xiaomi se lance dans la voiture électrique\n\nLe fabricant chinois "
        "Xiaomi va produire des véhicules électriques. L'action a progressé "
        "de 9 % dans l'après-midi. Les analystes saluent la stratégie.",
        encoding="utf-8",
    )
    code, out, err = _run(capsys, "--json", str(french))
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["language"] == "french" and len(data["sentences"]) == 3
    thai = tmp_path / "th.txt"
    thai.write_text(
        "ข่าวเทคโนโลยี\n\nเสียวหมี่ประกาศผลิตรถยนต์ไฟฟ้า\n\nนักวิเคราะห์มองว่าเป็นกลยุทธ์ที่ดี", encoding="utf-8"
    )
    code, out, err = _run(capsys, str(thai))
    assert code == 0
    assert out.splitlines()[0] == "ข่าวเทคโนโลยี" and len(out.splitlines()) == 3
    assert err.strip() == (
        "newsbot: note: no sentence model for thai text; split with generic rules."
    )


def _error_cases(tmp_path: Path) -> list[tuple[list[str], int, str]]:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n ")
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 4)
    return [
        ([str(tmp_path / "nope.txt")], 1, "No such file"),
        ([str(empty)], 1, "empty"),
        ([str(binary)], 1, "binary"),
        ([str(tmp_path)], 1, "folder"),
        (["--algorithm", "magic", str(SEED)], 2, "choose one of"),  # a usage error
        (["--sentences", "0", str(SEED)], 2, "at least 1"),
        (["--sentences", "-3", str(SEED)], 2, "at least 1"),
        (["--sentences", "three", str(SEED)], 2, "not a whole number"),
        ([], 2, "Give an article"),  # a usage error
        ([str(SEED), "--batch", str(SEED)], 2, "not both"),
        (["--allow-private-fetch", "http://127.0.0.1:9/closed"], 1, "could not be reached"),
        (["http://127.0.0.1:9/closed"], 1, "not a public web address"),
    ]


def test_errors_are_one_clear_line_and_nonzero(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for argv, expected_code, message in _error_cases(tmp_path):
        code, out, err = _run(capsys, *argv)
        assert code == expected_code, (argv, err)
        assert out == "", argv
        assert message in err, (argv, err)
        assert err.count("\n") == 1 and "Traceback" not in err, (argv, err)


def test_batch_writes_one_line_per_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    body = SEED.read_text(encoding="utf-8").split("\n", 1)[1]
    items = [
        {"id": "seed", "title": TITLE, "article": body},
        {
            "id": 7,
            "title": "Acme",
            "article": "Acme said profits rose by a fifth on Monday. "
            "Its shares gained 3% in early trading today.",
        },
    ]
    batch = tmp_path / "in.jsonl"
    batch.write_text("\n".join(json.dumps(i) for i in items) + "\n\n", encoding="utf-8")
    code, out, err = _run(capsys, "--batch", str(batch), "-n", "2", "-a", "textrank")
    assert code == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["id"] for line in lines] == ["seed", 7]
    assert all(len(line["sentences"]) == 2 for line in lines)
    assert set(lines[0]) == {"id", "sentences"}
    assert not any(j in s for s in lines[0]["sentences"] for j in JUNK)


def test_batch_takes_untitled_one_paragraph_rows_and_body(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """CNN/DM-style rows: empty title, the article one paragraph (or given as body)."""
    text = (
        "(CNN)Acme agreed to buy Globex for $5 billion on Tuesday, the firms said. "
        "The deal creates the largest maker of factory robots in the world. "
        "Regulators in Europe must still approve the purchase by the end of the year. "
        "Globex shares jumped 20 per cent while Acme fell 3 per cent in New York."
    )
    items = [{"id": "a", "title": "", "article": text}, {"id": "b", "title": "", "body": text}]
    batch = tmp_path / "in.jsonl"
    batch.write_text("\n".join(json.dumps(i) for i in items) + "\n", encoding="utf-8")
    code, out, err = _run(capsys, "--batch", str(batch))
    assert code == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    assert [len(line["sentences"]) for line in lines] == [3, 3]
    assert lines[0]["sentences"] == lines[1]["sentences"]
    assert lines[0]["sentences"][0].startswith("Acme agreed")  # dateline stripped


def test_batch_reports_bad_lines_but_keeps_going(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    batch = tmp_path / "in.jsonl"
    batch.write_text(
        '{"id": 1, "title": "T", "article": ""}\n{"title": "broken\n'
        '{"id": 3, "title": "Acme", "article": "Acme grew fast this year."}\n'
        "[1, 2]\n"
    )
    code, out, err = _run(capsys, "--batch", str(batch))
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [line["id"] for line in lines] == [1, 2, 3, 4]
    assert lines[0]["sentences"] == [] and "no article text" in lines[0]["error"]
    assert lines[1]["error"] == "Line 2 is not valid JSON."
    assert lines[2]["sentences"] == ["Acme grew fast this year."]
    assert "not a JSON object" in lines[3]["error"]
    assert err.count("\n") == 1
    assert err == (
        "newsbot: 3 of 4 lines could not be summarized (first: Line 1 has no article text "
        "(an article, body, text or document field).)\n"
    )


def test_batch_reads_other_data_sets_layouts(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """XSum's "document", a "text" field, a "headline", and a story stored as a list of
    paragraphs are summarised like an "article" string."""
    story = ["Acme agreed to buy Widget Co for $2bn on Monday.", "Shares in Widget rose 12%."]
    rows = [
        {"id": "a", "title": "", "article": "\n".join(story)},
        {"id": "b", "document": "\n".join(story)},
        {"id": "c", "headline": "", "text": "\n".join(story)},
        {"id": "d", "title": "", "article": story},
    ]
    batch = tmp_path / "in.jsonl"
    batch.write_text("".join(json.dumps(row) + "\n" for row in rows))
    code, out, _ = _run(capsys, "--batch", str(batch))
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [line["sentences"] for line in lines] == [story] * 4


def test_real_process_reads_stdin_and_prints_json(run_newsbot: Callable[..., Any]) -> None:
    done = run_newsbot("summarize", "--json", "-", input=SEED.read_bytes())
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["title"] == TITLE and len(data["sentences"]) == 3
    assert done.stderr == b""


def test_real_process_error_has_no_traceback(
    tmp_path: Path, run_newsbot: Callable[..., Any]
) -> None:
    done = run_newsbot("summarize", str(tmp_path / "missing.txt"))
    assert done.returncode == 1
    assert done.stderr.decode().strip() == f"newsbot: No such file: {tmp_path / 'missing.txt'}."


def test_real_process_batch_from_stdin(run_newsbot: Callable[..., Any]) -> None:
    lines = [
        json.dumps(
            {
                "id": i,
                "title": "Acme",
                "article": f"Acme sold {i} trucks in "
                f"Ohio this week. Its shares rose {i}% on the news.",
            }
        )
        for i in (1, 2)
    ]
    done = run_newsbot("summarize", "--batch", "-", "-n", "1", input="\n".join(lines).encode())
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert [o["id"] for o in out] == [1, 2]
    assert all(len(o["sentences"]) == 1 for o in out)


def test_help_names_every_algorithm() -> None:
    from bot.cli.summarize import ALGORITHM_HELP
    from summarizer.algorithms import ALGORITHMS, DEFAULT_ALGORITHM

    named = {w.strip(" ,") for w in ALGORITHM_HELP.split(":", 1)[1].split()} - {"(default)"}
    assert named == set(ALGORITHMS)
    assert f"{DEFAULT_ALGORITHM} (default)" in ALGORITHM_HELP


def _rows(count: int) -> list[str]:
    """``count`` batch lines of varied stories, with a broken line and an empty one inside."""
    rows = []
    for i in range(count):
        rows.append(
            json.dumps(
                {
                    "id": f"r{i}",
                    "title": f"Acme {i} results",
                    "article": f"Acme sold {i} trucks in Ohio this week, its chief said. "
                    f"Its shares rose {i % 7}% on the news in early trading. "
                    f"Rival Globex cut {i * 3} jobs at {i % 5 + 1} plants last month. "
                    "Analysts expect demand to stay strong until the end of the year.",
                }
            )
        )
    rows[5] = '{"id": "broken", "article": '
    rows[9] = json.dumps({"id": "empty", "title": "T", "article": " "})
    return rows


def test_long_batch_over_workers_matches_one_process(
    tmp_path: Path, run_newsbot: Callable[..., Any]
) -> None:
    """A batch long enough to be shared out gives the same lines, in the same order, as
    one process, bad lines included."""
    from bot.cli.batch import PARALLEL_FROM

    batch = tmp_path / "in.jsonl"
    rows = _rows(PARALLEL_FROM + 37)
    batch.write_text("\n".join(rows) + "\n", encoding="utf-8")
    one = run_newsbot("summarize", "--batch", str(batch), "--jobs", "1")
    two = run_newsbot("summarize", "--batch", str(batch), "--jobs", "2")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout and one.stderr == two.stderr
    out = [json.loads(line) for line in two.stdout.decode().splitlines()]
    assert len(out) == len(rows)
    assert [o["id"] for o in out[:5]] == ["r0", "r1", "r2", "r3", "r4"]
    assert out[5] == {"id": 6, "sentences": [], "error": "Line 6 is not valid JSON."}
    assert out[9]["id"] == "empty" and "no article text" in out[9]["error"]
    assert out[-1]["id"] == f"r{len(rows) - 1}" and len(out[-1]["sentences"]) == 3
    assert "2 of 101 lines could not be summarized" in two.stderr.decode()


def test_batch_company_focus_knows_the_registry_names(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """``--company Meta`` in a batch opens on the sentence naming Facebook, as for one
    article: the registry's other names of the company count."""
    article = (
        "Shares in Europe fell on Monday as investors waited for interest rate news. "
        "Oil prices rose for a third day after a pipeline closed in the North Sea. "
        "Facebook said it would hire 500 engineers in Dublin next year. "
        "The pound held steady against the dollar in quiet trading."
    )
    batch = tmp_path / "in.jsonl"
    batch.write_text(json.dumps({"id": 1, "title": "", "article": article}) + "\n")
    code, out, err = _run(capsys, "--batch", str(batch), "--company", "Meta")
    assert code == 0, err
    sentences = json.loads(out)["sentences"]
    assert sentences[0].startswith("Facebook said"), sentences


def _running_batch(tmp_path: Path, rows: list[str]) -> subprocess.Popen[bytes]:
    """A ``--jobs 2`` batch of ``rows`` in a real process (its own process group), read up
    to its second line: the first is summarized before the pool starts, the second by a
    worker. Unbuffered, so what is read here is not also held back from communicate()."""
    batch = tmp_path / "in.jsonl"
    batch.write_text("\n".join(rows) + "\n", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "summarize", "--batch", str(batch), "--jobs", "2"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        bufsize=0,
        # A test run started in the background (``cmd &``) ignores SIGINT, and children
        # inherit that: give the batch the default handler a terminal user's Ctrl-C meets.
        preexec_fn=partial(signal.signal, signal.SIGINT, signal.SIG_DFL),
    )
    assert proc.stdout is not None
    assert json.loads(proc.stdout.readline())["id"] == "r0"
    assert json.loads(proc.stdout.readline())["id"] == "r1"
    return proc


def test_ctrl_c_stops_a_long_batch_and_its_workers_quietly(tmp_path: Path) -> None:
    """Ctrl-C reaches the whole process group, workers included: the batch ends with 130,
    no traceback from any worker, and no worker is left running."""
    proc = _running_batch(tmp_path, _rows(4000))
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert b"Traceback" not in err and b"ForkPoolWorker" not in err, err
    leftover = subprocess.run(["pgrep", "-g", str(proc.pid)], capture_output=True, check=False)
    assert leftover.stdout == b""


def test_workers_leave_ctrl_c_to_the_batch(tmp_path: Path) -> None:
    """An interrupt that reaches only the workers changes nothing: the parent decides
    (a worker that died of it would lose its lines and stall the batch)."""
    rows = _rows(3000)
    proc = _running_batch(tmp_path, rows)
    workers = subprocess.run(
        ["pgrep", "-P", str(proc.pid)], capture_output=True, text=True, check=False
    ).stdout.split()
    assert workers
    for pid in workers:
        os.kill(int(pid), signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1, err  # the two bad rows of _rows
    assert len(out.splitlines()) == len(rows) - 2  # all but the two lines read above


def test_summarize_reads_a_file_in_its_declared_charset_as_ingest_does(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    title = "トヨタ、新型車を発表"
    body = "トヨタ自動車は新型の電気自動車を発表した。価格は400万円からとなる。"
    page = tmp_path / "toyota.html"
    page.write_bytes(
        (
            '<html><head><meta charset="shift_jis"><title>'
            f"{title}</title></head><body><h1>{title}</h1><p>{body}</p></body></html>"
        ).encode("shift_jis")
    )
    code, out, err = _run(capsys, str(page))
    assert code == 0, err
    assert title in out and "ƒ" not in out
    notes = tmp_path / "notes.txt"  # UTF-16 with its BOM is text, not binary data
    notes.write_text("Toyota Motor said sales rose. Its shares gained 2 percent.", "utf-16")
    code, out, err = _run(capsys, str(notes))
    assert code == 0, err
    assert "Toyota Motor said sales rose." in out


@pytest.mark.parametrize(
    ("name", "data"),
    [
        # UTF-32's little-endian mark starts with UTF-16's: read as UTF-32, not as UTF-16.
        ("wide.txt", "Toyota Motor said sales rose. Its shares gained 2 percent.".encode("utf-32")),
        # A declared UTF-16 in an ASCII-readable page is UTF-8 (HTML's rule).
        (
            "declared.html",
            b'<html><head><meta charset="utf-16"><title>Toyota</title></head><body>'
            b"<p>Toyota Motor said sales rose. Its shares gained 2 percent.</p></body></html>",
        ),
        # A UTF-8 mark before Windows-1252 text is no text.
        ("marked.txt", b"\xef\xbb\xbfToyota Motor said sales rose. Its caf\xe9s gained 2 percent."),
        # Terminal colours in a saved log are dropped, the words kept.
        (
            "colours.txt",
            b"\x1b[1mToyota Motor\x1b[0m said sales rose. Its shares gained 2 percent.",
        ),
    ],
)
def test_odd_encodings_read_as_their_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, data: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    code, out, err = _run(capsys, str(path))
    assert code == 0, err
    assert "Toyota Motor said sales rose." in out
    assert not any(junk in out for junk in ("\x00", "[1m", "ï»¿"))


def test_binary_data_behind_a_byte_order_mark_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\xff\xfe" + b"\x00\x00\x01\x00\x02\x00" * 200)  # NUL, SOH, STX
    code, _, err = _run(capsys, str(path))
    assert code == 1 and "is binary data" in err and "photo.txt" in err


def test_an_untitled_text_is_not_given_its_first_sentence_as_a_headline(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "Apple reported record profits on Tuesday. It sold more iPhones than ever. Shares rose."
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    code, out, err = _run(capsys, "-")
    assert code == 0, err
    assert out.splitlines().count("Apple reported record profits on Tuesday.") == 1


@pytest.mark.parametrize(
    "argv",
    [
        ["run", "--replay-interval", "0"],
        ["run", "--webhook-port", "99999"],
    ],
)
def test_missing_or_wrong_arguments_are_usage_errors(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    try:
        code = main(argv)
    except SystemExit as exit_:  # argparse's own
        code = int(exit_.code or 0)
    assert code == 2
    assert capsys.readouterr().err.strip()


def test_a_plain_text_file_given_to_batch_is_named_as_such(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = _run(capsys, "--batch", str(SEED))
    assert code == 1 and out == ""
    assert "is not JSON Lines" in err and f"newsbot summarize {SEED}" in err
