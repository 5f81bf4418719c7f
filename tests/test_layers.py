"""The import direction ``bot -> storage -> summarizer`` is a rule, not a habit.

Every module's imports (top level, inside functions and under TYPE_CHECKING) are read
with :mod:`ast`; a module importing a layer above its own fails this test.
"""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# What each package may import of ours (besides itself).
ALLOWED = {
    "summarizer": set(),
    "storage": {"summarizer"},
    "seeds": set(),
    "bot": {"storage", "summarizer", "seeds"},
}
OURS = set(ALLOWED)


def imported_packages(path: Path) -> set[tuple[str, int]]:
    """Top-level names of our packages that ``path`` imports, with line numbers."""
    found: set[tuple[str, int]] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found.update((name.split(".")[0], node.lineno) for name in names)
    return {(name, line) for name, line in found if name in OURS}


def layer_violations(root: Path = REPO) -> list[str]:
    """``path:line: X imports Y`` for every import against the layer direction."""
    problems = []
    for package, allowed in ALLOWED.items():
        for path in sorted((root / package).rglob("*.py")):
            for name, line in sorted(imported_packages(path)):
                if name != package and name not in allowed:
                    where = path.relative_to(root)
                    problems.append(f"{where}:{line}: {package} must not import {name}")
    return problems


def test_imports_follow_the_layers() -> None:
    assert layer_violations() == []


def test_a_reversed_import_is_caught(tmp_path: Path) -> None:
    (tmp_path / "summarizer").mkdir()
    (tmp_path / "summarizer" / "bad.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from storage.store import Store\n"
    )
    for package in ("storage", "bot", "seeds"):
        (tmp_path / package).mkdir()
    assert layer_violations(tmp_path) == ["summarizer/bad.py:3: summarizer must not import storage"]
