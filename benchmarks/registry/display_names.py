"""Display names for entries the build left as raw listing names or cut at "&".

The source lists write "DONALDSON Co INC" or "Becton Dickinson & CO", and the build's
legal-form stripping cut names such as "Klöckner & Co" to "Klöckner &". Users see the
display name in every reply ("Subscribed to …"), so it is the name people use; the old
one is kept as ``renamed_from``, which lets a stored database rename the row in place
(same id, same subscriptions). Matching is unaffected: the short forms come from the
name and its aliases either way (checked with ``benchmarks/check_matcher_outputs.py``).
"""

from __future__ import annotations

DISPLAY_NAMES = {
    # cut at "&"
    "Klöckner &": "Klöckner & Co",
    "Arthur J. Gallagher &": "Arthur J. Gallagher & Co.",
    "Becton Dickinson &": "Becton Dickinson",
    "Moelis &": "Moelis & Company",
    "Organon &": "Organon",
    "Phillips Edison &": "Phillips Edison & Company",
    "FLSmidth &": "FLSmidth",
    "Aktieselskabet Schouw &": "Schouw & Co.",
    "DWS Group GmbH &": "DWS Group",
    "KWS SAAT SE &": "KWS SAAT SE & Co. KGaA",  # "KWS Saat" is another entry
    "MatsukiyoCocokara &": "MatsukiyoCocokara & Co.",
    "Tsumura &": "Tsumura & Co.",
    "Rothschild &": "Rothschild & Co",
    "Soho House &": "Soho House & Co",
    "Sturm Ruger &": "Sturm, Ruger & Co.",
    # listing names in capitals or with a long legal form
    "Steven Madden, LTD.": "Steve Madden",
    "MERCK Kommanditgesellschaft auf Aktien": "Merck KGaA",
    "Software Aktiengesellschaft": "Software AG",
    "Galp Energia, SGPS": "Galp Energia",
    "Jeronimo Martins, SGPS": "Jerónimo Martins",
    "United Company RUSAL, International Public": "United Company Rusal",  # "Rusal" too
    "Kellogg CO": "Kellogg",
    "DONALDSON Co INC": "Donaldson Company",
    "Flex LTD.": "Flex Ltd.",
    "Nova LTD.": "Nova Ltd.",
    "Icon PLC": "Icon plc",
    "John Wood Group PLC": "John Wood Group",
    "True Corporation Public Company Limited": "True Corporation",
    "Greenland Holdings Corporation Limited": "Greenland Holdings",
}

# The short names news and users write for some of them (added as aliases where no
# company has that name; the ones that are also surnames need support, as "ambiguous").
SHORT_NAMES = {
    "Galp Energia": ["Galp"],
    "Moelis & Company": ["Moelis"],
    "Soho House & Co": ["Soho House"],
    "Sturm, Ruger & Co.": ["Sturm Ruger", "Ruger"],
    "John Wood Group": ["Wood Group"],
    "Klöckner & Co": ["Klöckner", "Kloeckner", "Klockner"],
    "Rothschild & Co": ["Rothschild"],
}
SHORT_AMBIGUOUS = {"Rothschild & Co": ["Rothschild"], "Sturm, Ruger & Co.": ["Ruger"]}
