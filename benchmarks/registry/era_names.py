"""Names 2004-2020 business news used that the built registry lacks (fix_registry.py adds them).

Written from general knowledge, not from the labelled dev set: a list of about 530
household company names of that period's UK, US, European and Asian business and tech
news was checked against the registry, and these are the ones it could not find.

* ``ERA_ALIASES``: a company the registry holds under its current or full name, with the
  former names and short forms the news used then (labelling guide rule 2: a renamed
  company keeps its former names).
* ``ERA_ENTRIES``: companies it lacks (delisted, taken over, private or too small for the
  listing sources), with a parent where the guide's rule 3 gives one.

Names that are mostly something else in the news stay out as bare aliases (Virgin, Total,
Nationwide, Iceland, Metro, Comet, Palm, Pearson, Jarvis, Hanson, Granada, CSC, CBS,
Wolfson - Next's chief executive is Lord Wolfson): only their full forms are listed.
"""

from __future__ import annotations

from typing import Any

ERA_ALIASES: dict[str, list[str]] = {
    "Gen Digital": ["Symantec", "Symantec Corp", "NortonLifeLock"],
    "Ahold Delhaize": ["Ahold", "Royal Ahold"],
    "Chevron": ["ChevronTexaco"],
    "TotalEnergies": ["Total SA", "TotalFinaElf"],
    "News Corp": ["News Corporation"],
    "Universal Music Group": ["Universal Music"],
    "Akamai Technologies": ["Akamai"],
    "Intesa Sanpaolo": ["Banca Intesa"],
    "Seiko Epson": ["Epson"],
    "China Eastern Airlines": ["China Eastern"],
    "China Southern Airlines": ["China Southern"],
    "Siebel Systems": ["Siebel"],
    "Karstadt Quelle": ["KarstadtQuelle"],
    "Encompass Health": ["HealthSouth"],
    "Paramount Global": ["ViacomCBS"],
    "Safeway plc": ["Safeway"],  # the UK grocer Morrisons bought in 2004
    "GUS plc": ["GUS"],
}


def _entry(name: str, country: str, *aliases: str, parent: str | None = None) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": name, "aliases": list(aliases), "ticker": None}
    entry["country"] = country
    if parent:
        entry["parent"] = parent
    return entry


ERA_ENTRIES: list[dict[str, Any]] = [
    _entry("Eastman Kodak", "US", "Kodak"),
    _entry("Burger King", "US", parent="Restaurant Brands International"),
    _entry("McAfee", "US", "McAfee Inc", "Network Associates"),
    _entry("Red Hat", "US", "Red Hat Inc", parent="IBM"),
    _entry("TiVo", "US", "TiVo Inc"),
    _entry("Lexmark", "US", "Lexmark International"),
    _entry("Fannie Mae", "US", "Federal National Mortgage Association"),
    _entry("Freddie Mac", "US", "Federal Home Loan Mortgage Corporation"),
    _entry("Lionsgate", "US", "Lions Gate Entertainment", "Lions Gate Films", "Lions Gate"),
    _entry("McKinsey & Company", "US", "McKinsey"),
    _entry("Lycos", "US", "Lycos Inc"),
    _entry("THQ", "US", "THQ Inc"),
    _entry("Linspire", "US", "Lindows"),
    _entry("StreamCast Networks", "US", "StreamCast"),
    _entry("Kaspersky Lab", "RU", "Kaspersky"),
    _entry("F-Secure", "FI", "F-Secure Oyj"),
    _entry("Eidos", "GB", "Eidos Interactive", "Eidos plc"),
    _entry("Friends Reunited", "GB"),
    _entry("Tiscali", "IT", "Tiscali SpA"),
    _entry("Wanadoo", "FR", parent="Orange"),
    _entry("Freeserve", "GB"),
    _entry("SFR", "FR", "Société Française du Radiotéléphone"),
    _entry("Bouygues Telecom", "FR", parent="Bouygues"),
    _entry("NTT Docomo", "JP", "NTT DoCoMo", "DoCoMo", "Docomo", parent="NTT"),
    _entry("Fuji Television", "JP", "Fuji TV", "Fuji Media Holdings"),
    _entry("Liffe", "GB", "Euronext.liffe", parent="Euronext"),
    _entry("Network Rail", "GB"),
    _entry("3i Group", "GB", "3i"),
    _entry("Misys", "GB", "Misys plc"),
    _entry("Capita", "GB", "Capita Group", "Capita plc"),
    _entry("FirstGroup", "GB", "FirstGroup plc"),
    _entry("Stagecoach Group", "GB", "Stagecoach"),
    _entry("Rank Group", "GB", "Rank Group plc"),
    _entry("Northern Foods", "GB", "Northern Foods plc"),
    _entry("New Look", "GB"),
    _entry("Laura Ashley", "GB", "Laura Ashley Holdings"),
    _entry("Jessops", "GB"),
    _entry("Home Retail Group", "GB"),
    _entry("Argos", "GB"),
    _entry("WH Smith", "GB", "WHSmith", "W H Smith"),
    _entry("Currys", "GB", "Currys plc"),
    _entry("Shire", "GB", "Shire plc", "Shire Pharmaceuticals", parent="Takeda Pharmaceutical"),
    _entry("Wolfson Microelectronics", "GB"),
    _entry("Imagination Technologies", "GB"),
    _entry("Jarvis plc", "GB"),
    _entry("Amey", "GB", "Amey plc"),
    _entry("Sina", "CN", "Sina Corp", "Sina.com"),
    _entry("Sohu", "CN", "Sohu.com"),
    _entry("Shanda", "CN", "Shanda Interactive", "Shanda Interactive Entertainment"),
]
# Entries whose name or alias is also an ordinary word or place: they count only with
# support, as the registry's other ambiguous names do (see summarizer/companies/README.md).
ERA_AMBIGUOUS: dict[str, list[str]] = {
    "Shire": ["Shire"],
    "Stagecoach Group": ["Stagecoach"],
    "Capita": ["Capita"],
    "New Look": ["New Look"],
}
