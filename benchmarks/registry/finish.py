"""The last pass over the merged registry: one owner per name and alias, listed football
clubs and bare-word names dropped, ambiguous names flagged, parents resolved."""

from __future__ import annotations

import re

from merge import Registry
from names import Words, good_alias, norm_key
from word_tables import NOT_AMBIGUOUS

SPORT = re.compile(
    r"\b(?:football|F\.?C\.?|Manchester United|Juventus|Borussia|Celtic|Ajax|Benfica|Sporting|"
    r"Galatasaray|Fenerbah|Besiktas|Lazio|Roma|Olympique)\b",
    re.I,
)


def person_like(name: str, words: Words) -> bool:
    """'Howard Hughes', 'Carter's': a first name and/or a surname, nothing else."""
    toks = [t.casefold() for t in re.findall(r"[A-Za-z]+", re.sub(r"['’]s\b", "", name))]
    if len(toks) == 1:
        return toks[0] in words.first or toks[0] in words.last
    return len(toks) == 2 and toks[0] in words.first and toks[1] in words.last


def bare_name_fix(e: dict, words: Words) -> dict | None:
    """A listed company whose bare name is a word, person or place is named by its legal form.

    "Man" -> "Man Group plc", "Tim" -> "Tim S.A.", "Ferguson" -> "Ferguson plc": the bare
    word would match every Mr Ferguson. Without a longer form the entry is dropped.
    """
    n = e["name"]
    bad = len(n) <= 2 or words.ambiguous(n) or person_like(n, words)
    if not bad:
        return e
    longer = [
        a
        for a in e["aliases"]
        if norm_key(a) != norm_key(n)
        and len(a) > len(n)
        and not words.ambiguous(a)
        and not person_like(a, words)
    ]
    if not longer:
        return None
    longer.sort(key=lambda a: (not norm_key(a).startswith(norm_key(n)), len(a)))
    e = dict(e)
    e["name"] = longer[0]
    e["aliases"] = [a for a in e["aliases"] if a != longer[0]]
    return e


def finish(reg: Registry) -> list[dict]:
    """Drop colliding/generic aliases, flag ambiguous names, resolve parents, order fields."""
    owner: dict[str, int] = {}
    curated = [i for i, e in enumerate(reg.entries) if e["source"] in ("seed", "manual")]
    listed = [i for i, e in enumerate(reg.entries) if e["source"] not in ("seed", "manual")]
    # curated names, then curated aliases, beat any listed name ("Rover Group" stays
    # MG Rover's former name); among the rest a name beats another entry's alias
    for group in (curated, listed):
        for i in group:
            owner.setdefault(norm_key(reg.entries[i]["name"]), i)
        for i in group:
            for a in reg.entries[i]["aliases"]:
                owner.setdefault(norm_key(a), i)
    out = []
    for i, e in enumerate(reg.entries):
        if owner.get(norm_key(e["name"])) != i:
            continue  # same name as an earlier company: a duplicate listing
        if e["source"] not in ("seed", "manual"):
            if SPORT.search(e["name"]):
                continue  # listed football clubs: their news is match results, not business
            e = bare_name_fix(e, reg.words)
            if e is None:
                continue
        aliases, seen = [], {norm_key(e["name"])}
        for a in e["aliases"]:
            k = norm_key(a)
            if k in seen or owner.get(k) != i:
                continue
            if not good_alias(a) and e["source"] != "seed":
                continue
            if (
                e["source"] not in ("seed", "manual")
                and len(a.split()) == 1
                and (reg.words.ambiguous(a) or person_like(a, reg.words))
            ):
                continue  # listed companies: a bare common word/name alias is mostly something else
            seen.add(k)
            aliases.append(a)
        amb = list(e.get("ambiguous", []))
        for a in [e["name"], *aliases]:
            curated = e["source"] in ("seed", "manual")
            if (
                a in amb
                or a in NOT_AMBIGUOUS
                or (
                    curated
                    and (a.casefold() in reg.words.last or a.casefold() in reg.words.first)
                    and a.casefold() not in reg.words.common
                )
            ):
                continue  # curated surnames (Ford, Dell, Lehman) stay plain on purpose
            if reg.words.ambiguous(a):
                amb.append(a)
        item = {
            "name": e["name"],
            "aliases": aliases,
            "ticker": e.get("ticker") or None,
            "country": e.get("country") or None,
            "_src": e["source"],
        }
        if amb:
            item["ambiguous"] = amb
        if e.get("exclude"):
            item["exclude"] = e["exclude"]
        former = [f for f in e.get("former", []) if f in aliases]
        if former:
            item["former"] = former
        out.append((item, e.get("parent")))
    names = {norm_key(it["name"]): it["name"] for it, _ in out}
    alias_to = {}
    for it, _ in out:
        for a in it["aliases"]:
            alias_to.setdefault(norm_key(a), it["name"])
    result = []
    for it, parent in out:
        if parent:
            p = names.get(norm_key(parent)) or alias_to.get(norm_key(parent))
            if p is None and it.get("_src") in ("seed", "manual"):
                p = parent  # our own data names parents deliberately, even if unlisted
            if p and p != it["name"]:
                it["parent"] = p
        it.pop("_src", None)
        result.append(it)
    return result
