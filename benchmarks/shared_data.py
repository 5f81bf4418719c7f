"""Where the shared evaluation data is: ``../shared/eval`` beside the checkout.

Worktrees sit one level deeper than the main checkout, so every parent is tried.
"""

from __future__ import annotations

from pathlib import Path


def eval_file(name: str = "bbc_dev.jsonl") -> Path:
    """``shared/eval/NAME`` in the nearest parent that has one, else ``../shared/eval/NAME``."""
    return next(
        (
            up / "shared" / "eval" / name
            for up in Path(__file__).resolve().parents
            if (up / "shared" / "eval").is_dir()
        ),
        Path("../shared/eval") / name,
    )
