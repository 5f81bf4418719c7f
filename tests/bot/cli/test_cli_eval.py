"""``newsbot eval`` through the real entry point, on real JSONL files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main

BBC = Path(__file__).resolve().parents[4] / "shared" / "eval" / "bbc_dev.jsonl"

ROWS = [
    {
        "id": "t/1",
        "category": "tech",
        "title": "Xiaomi to build electric cars",
        "article": "Xiaomi will build electric cars with Great Wall Motor, sources said.\n\n"
        "The cars will be made at a factory in Baoding. Production starts in 2024.\n\n"
        "Xiaomi shares rose 9 per cent in Hong Kong trading on Tuesday.\n\n"
        "Analysts expect a mass-market model for young buyers in China.",
        "summary_sentences": [
            "Xiaomi shares rose 9 per cent in Hong Kong trading on Tuesday.",
            "Xiaomi will build electric cars with Great Wall Motor, sources said.",
        ],
    },
    {
        "id": "t/2",
        "category": "business",
        "title": "Acme profits jump",
        "article": "Acme's profits jumped 40% to $2bn in the year to March.\n\n"
        "Sales of robots in Asia doubled, the firm said. Its shares rose 5%.\n\n"
        "Chief executive Jane Roe said 2025 would be even better for Acme.",
        "summary_sentences": [
            "Acme's profits jumped 40% to $2bn in the year to March.",
            "Sales of robots in Asia doubled, the firm said.",
        ],
    },
]


def write_rows(path: Path, rows: list[dict], extra: str = "") -> Path:
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n" + extra, encoding="utf-8")
    return path


def table_rows(out: str) -> dict[str, list[str]]:
    """Table rows by algorithm name (the lines whose second field is a number)."""
    rows = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 9 and parts[1].replace(".", "", 1).isdigit():
            rows[parts[0].rstrip("*")] = parts[1:]
    return rows


def test_eval_prints_the_side_by_side_table(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    data = write_rows(tmp_path / "dev.jsonl", ROWS)
    code = main(
        [
            "eval",
            str(data),
            "--sentences",
            "2",
            "--algorithms",
            "newsrank,lead,textrank,luhn,oracle",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    rows = table_rows(out)
    # with textrank comes sumy's own pipeline on the raw text (textrank-raw)
    assert set(rows) == {"newsrank", "lead", "textrank", "textrank-raw", "luhn", "oracle"}
    for name, values in rows.items():
        r1, r2, rl = (float(v) for v in values[:3])
        assert 0 <= r2 <= r1 <= 100 and 0 <= rl <= 100, name
    assert float(rows["oracle"][0]) >= max(float(v[0]) for v in rows.values())
    assert rows["oracle"][-1] == "-" and float(rows["newsrank"][-2]) > 0
    assert "2 articles, 2 sentences" in out
    assert "newsrank / textrank time:" in out
    assert "newsrank summarize() / textrank-raw time:" in out
    raw = rows["textrank-raw"]  # timed end to end: both time columns are the same
    assert raw[-1] == raw[-2] and float(raw[-1]) > 0


def test_limit_and_default_algorithms(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    data = write_rows(tmp_path / "dev.jsonl", ROWS)
    assert main(["eval", str(data), "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert "1 articles, 3 sentences" in out
    for name in (
        "newsrank*",
        "lead",
        "lexrank",
        "textrank",
        "textrank-raw",
        "lsa",
        "luhn",
        "edmundson",
        "kl",
        "sumbasic",
        "reduction",
        "random",
        "oracle",
    ):
        assert any(line.startswith(name + " ") for line in out.splitlines()), name


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"title": "x"}\n', "line 1"),
        ("not json\n", "line 1"),
        ("", "has no articles"),
    ],
)
def test_bad_data_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture, content: str, message: str
) -> None:
    data = tmp_path / "bad.jsonl"
    data.write_text(content, encoding="utf-8")
    assert main(["eval", str(data)]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_missing_file_and_unknown_algorithm(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["eval", str(tmp_path / "none.jsonl")]) == 1
    assert "Cannot read" in capsys.readouterr().err
    data = write_rows(tmp_path / "dev.jsonl", ROWS)
    assert main(["eval", str(data), "--algorithms", "newsrank,gpt"]) == 2  # a usage error
    assert "gpt" in capsys.readouterr().err


@pytest.mark.parametrize("flag", [["--sentences", "0"], ["--limit", "-2"], ["--limit", "x"]])
def test_bad_numbers_are_usage_errors(tmp_path: Path, flag: list[str]) -> None:
    data = write_rows(tmp_path / "dev.jsonl", ROWS)
    with pytest.raises(SystemExit) as exc:
        main(["eval", str(data), *flag])
    assert exc.value.code == 2


@pytest.mark.skipif(not BBC.exists(), reason="shared eval data not present")
def test_real_process_on_bbc_sample() -> None:
    """The installed console command on 5 BBC articles: our default beats Lead-3."""
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from bot.cli import main; sys.exit(main())",
            "eval",
            str(BBC),
            "--limit",
            "5",
            "--algorithms",
            "newsrank,lead,oracle",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    rows = table_rows(proc.stdout)
    assert float(rows["newsrank"][0]) > float(rows["lead"][0])


CNN_STYLE = [
    {
        "id": f"c/{k}",
        "source": outlet,
        "title": "",
        "body"
        if k % 2
        else "article": f"(CNN)Acme agreed to buy Globex for ${k + 2} billion on Tuesday, "
        "the firms said. "
        "The deal creates the largest maker of factory robots in the world. "
        "However, regulators in Europe must still approve the purchase. "
        f"Globex shares jumped {10 + k} per cent while Acme fell 3 per cent. "
        "Analysts said the price was fair given Globex's growth in Asia.",
        "summary": f"Acme will buy Globex for ${k + 2} billion.\nGlobex shares jumped {10 + k} "
        "per cent.",
    }
    for k, outlet in enumerate(["cnn", "cnn", "dm", "dm"])
]


def test_eval_reads_highlights_body_and_reports_intervals_per_outlet(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    data = write_rows(tmp_path / "cnn.jsonl", CNN_STYLE)
    assert main(["eval", str(data), "--algorithms", "newsrank,lead"]) == 0
    out = capsys.readouterr().out
    rows = table_rows(out)
    assert set(rows) == {"newsrank", "lead"}
    assert "4 articles, 3 sentences" in out
    reference = next(line for line in out.splitlines() if line.startswith("reference"))
    assert float(reference.split()[-1]) == pytest.approx(13.0)  # words per highlight set
    assert "newsrank minus lead" in out
    for group in ("all (4)", "cnn (2)", "dm (2)"):
        line = next(line for line in out.splitlines() if line.startswith(group))
        assert line.count("[") == 4  # R-L, R-Lsum intervals


def test_eval_reads_hugging_face_layouts(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """CNN/DM's "article" + "highlights" and XSum's "document" + "summary" read as the
    shared files do: the same figures."""
    shared = write_rows(tmp_path / "cnn.jsonl", CNN_STYLE)
    names = {"article": "document", "body": "document", "summary": "highlights"}
    renamed = [{names.get(key, key): value for key, value in row.items()} for row in CNN_STYLE]
    other = write_rows(tmp_path / "hf.jsonl", renamed)
    scores = []
    for data in (shared, other):
        assert main(["eval", str(data), "--algorithms", "newsrank,lead"]) == 0
        rows = table_rows(capsys.readouterr().out)
        scores.append({name: row[:6] for name, row in rows.items()})  # not the timings
    assert scores[0] == scores[1] and set(scores[0]) == {"newsrank", "lead"}


def test_eval_without_rouge_score_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "rouge_score", None)  # as if the extra is not installed
    data = write_rows(tmp_path / "dev.jsonl", ROWS)
    assert main(["eval", str(data)]) == 1
    err = capsys.readouterr().err.strip()
    assert "newsbot[eval]" in err and len(err.splitlines()) == 1


def test_eval_runs_from_a_fresh_clone_on_the_shipped_sample(
    capsys: pytest.CaptureFixture,
) -> None:
    # No data file: the Wikinews sample, each lede the reference for the rest of its story.
    code = main(["eval", "--sample", "--limit", "12", "--algorithms", "newsrank,lead"])
    out = capsys.readouterr().out
    assert code == 0 and "the Wikinews sample (lede as reference)" in out
    rows = table_rows(out)
    assert set(rows) == {"newsrank", "lead"}
    assert all(0 < float(cells[0]) < 100 for cells in rows.values())  # R-1 of real overlap
    assert "12 articles, 3 sentences" in out
    assert "reference" in out and "all (12)" in out


def test_eval_wants_a_file_or_the_sample(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["eval"]) == 2  # a usage error
    data = write_rows(tmp_path / "d.jsonl", ROWS)
    assert main(["eval", "--sample", str(data)]) == 2
    assert capsys.readouterr().err.count("Give a DATA.jsonl file or --sample") == 2
