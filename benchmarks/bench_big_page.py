"""What ``/summary URL`` of a huge page costs, stage by stage (CPU seconds).

    python benchmarks/bench_big_page.py [--against CHECKOUT] [--rounds 3]

Four pages of dev prose are served from 127.0.0.1 (plain text 1.6 MB and 4.9 MB, HTML
4.9 MB of paragraphs, one 2 MB paragraph) and each is sent once per round, as a new
chat's page, through ``NewsService.summary`` on a fresh database. The stages are timed
where the service calls them: the fetch, cleaning (``parse_article``), company matching
(``matcher.find``), storing and summarising. ``--against`` times another checkout's code
in the same rounds (in a process of its own, the two taking turns) and prints the
medians side by side with their ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent.parent
STAGES = ("fetch", "clean", "match", "insert", "summarize", "total")


def _prose() -> list[str]:
    sys.path.insert(0, str(HERE / "benchmarks"))
    from shared_data import eval_file

    out: list[str] = []
    for path in (eval_file("bbc_dev.jsonl"), eval_file("cnndm_dev.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            out.extend(p for p in json.loads(line)["article"].split("\n\n") if p.strip())
    return out


def _fill(prose: list[str], size: int) -> list[str]:
    out, total = [], 0
    while total < size:
        out.append(prose[len(out) % len(prose)])
        total += len(out[-1]) + 2
    return out


def pages() -> dict[str, tuple[bytes, str]]:
    """The four pages: name -> (body, content type)."""
    import html

    prose, head = _prose(), "Big companies report results"
    paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in _fill(prose, 4_800_000))
    page = f"<html><head><title>{head}</title></head><body><article>{paragraphs}</article>"
    texts = {
        "text 1.6 MB": (f"{head}\n\n" + "\n\n".join(_fill(prose, 1_600_000)), "text/plain"),
        "text 4.9 MB": (f"{head}\n\n" + "\n\n".join(_fill(prose, 4_900_000)), "text/plain"),
        "html 4.9 MB": (page + "</body></html>", "text/html"),
        "one paragraph 2 MB": (f"{head}\n\n" + " ".join(_fill(prose, 2_000_000)), "text/plain"),
    }
    return {name: (text.encode(), kind) for name, (text, kind) in texts.items()}


def _serve(served: dict[str, tuple[bytes, str]]) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body, kind = served[self.path.split("?")[0]]
            self.send_response(200)
            self.send_header("Content-Type", f"{kind}; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            """Quiet."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _timed(owner: Any, name: str, stage: str, times: dict[str, float]) -> None:
    """Add the CPU time of every call of ``owner.name`` to ``times[stage]``."""
    original: Callable[..., Any] = getattr(owner, name)

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            times[stage] = times.get(stage, 0.0) + time.process_time() - start

    setattr(owner, name, timed)


def worker(base: str, names: list[str]) -> None:
    """One side's round: every page once, one JSON line of stage times per page."""
    import bot.ingest.fetch
    import summarizer.summarize
    import summarizer.text.clean
    from bot.config import Config
    from bot.wiring import build

    times: dict[str, float] = {}
    _timed(bot.ingest.fetch, "fetch", "fetch", times)
    _timed(summarizer.text.clean, "parse_article", "clean", times)
    _timed(summarizer.summarize, "summarize", "summarize", times)
    with tempfile.TemporaryDirectory() as folder:
        config = Config(db_path=Path(folder) / "bench.db", allow_private_fetch="1")
        with build(config) as core:
            _timed(core.companies.matcher, "find", "match", times)
            for chat, name in enumerate(names, start=100):
                times.clear()
                core.ingestor.timings["insert"] = 0.0
                start = time.process_time()
                core.services.news.summary(chat, f"{base}{name}?{chat}")
                times["total"] = time.process_time() - start
                times["insert"] = core.ingestor.timings["insert"]
                print(json.dumps({"page": name, **times}), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--against", type=Path, help="another checkout, timed alongside")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    served = {"/" + str(n): page for n, page in enumerate(pages().values())}
    labels = dict(zip(served, pages(), strict=True))
    server = _serve(served)
    sides = {"this": HERE} | ({"against": args.against.resolve()} if args.against else {})
    results: dict[tuple[str, str, str], list[float]] = {}
    base = f"http://127.0.0.1:{server.server_port}"
    code = f"import sys; sys.path.insert(0, {str(HERE / 'benchmarks')!r}); "
    code += f"from bench_big_page import worker; worker({base!r}, {list(served)!r})"
    for round_ in range(args.rounds):
        for side, root in sorted(sides.items(), reverse=round_ % 2 == 1):
            env = {**os.environ, "PYTHONPATH": str(root)}
            out = subprocess.run(
                [sys.executable, "-c", code], env=env, cwd=root, capture_output=True, text=True
            )
            if out.returncode:
                raise SystemExit(out.stderr[-2000:])
            for line in out.stdout.splitlines():
                row = json.loads(line)
                for stage in STAGES:
                    results.setdefault((side, row["page"], stage), []).append(row.get(stage, 0.0))
    server.shutdown()
    _print(results, sides, served, labels)


def _print(
    results: dict[tuple[str, str, str], list[float]],
    sides: dict[str, Path],
    served: dict[str, tuple[bytes, str]],
    labels: dict[str, str],
) -> None:
    against = " (against / this, and against's time as a multiple of this)"
    print("CPU seconds, median of the rounds" + (against if len(sides) > 1 else ""))
    print(f"{'page':<20}" + "".join(f"{stage:>22}" for stage in STAGES))
    for path in served:
        cells = []
        for stage in STAGES:
            this = statistics.median(results[("this", path, stage)])
            if "against" in sides:
                other = statistics.median(results[("against", path, stage)])
                ratio = f"{other / this:.0f}x" if this > 0.0005 else "-"
                cells.append(f"{other:.3f}/{this:.3f} {ratio:>4}".rjust(22))
            else:
                cells.append(f"{this:.3f}".rjust(22))
        print(f"{labels[path]:<20}" + "".join(cells))


if __name__ == "__main__":
    main()
