"""Capitals given back to text that lost them, where a company's name needs them.

Matching reads capitals: "Google" is the company, "google it" the verb, and a name's
capitalised words must stay capitalised ("Indian oil" is not Indian Oil). A transcript
or a lower-cased paste has no capital letter at all, so no company would be found in
it, not even one a chat follows. In such text (and only there), a registry or followed
name gets its spelling back where all its words stand together:

* at once when it has two words or more and one of them is distinctive (no ordinary
  word, place, first name or date: "rago arts and auction center", "altria group"), it
  ends on a legal form that is no word ("sprint corp"; not "southern company"), or an
  abbreviation of its initials follows it in brackets ("london stock exchange (lse)":
  that abbreviation is then written in capitals wherever it stands, as the matcher
  reads a defined abbreviation, unless it is also a word: "(ups)", "its ups and downs");
* from its second use in the story when it is one word ("altria", "ibm") or made of
  ordinary words only ("british airways"): used once, "frontline", "tenable" or "take
  two" is more likely the words (the ordinary-word list stops at common words), and a
  company named once is seldom what the story is about; ordinary words count at once
  where they act as a company does ("games giants electronic arts");
* when it is one word that is also a frequent word or has two letters ("toyota",
  "google", "shell", "bp"), from its second use and only if one use says a company acts
  ("toyota said", "shell shares", "google's", "bp has warned", "ford sales", "boss of
  ford": salience's own cues, which hold the matcher's, but no passive: "the target was
  confirmed") or a company word leads into it ("electronics giants hitachi"; not "the
  company next year"): "google it" twice stays a verb, "apple pie" a fruit, "his bp"
  blood pressure, "the ford was deep" a river crossing;
* never when it is a ticker ("CARR" would be every Mr Carr), one ordinary word after
  "the" ("The Guardian") or a date ("dec");
* after a title or a first name, as a person's name ("mr dyson" -> "Mr Dyson"), so that
  the matcher's person rules read the story as they read cased text;
* a spelled name's short forms that start it and are no ordinary word ("blb" beside
  "BLB Investors", "rago"), which the matcher counts only beside the full name.

A story written all in capitals is first lower-cased and then treated the same way:
capitals that say nothing made every word a possible name ("3M VIEWERS", "WITH HALL &
WOODHOUSE"). Each sentence opens on a capital again too, because salience reads sentences from
them (without, a one-paragraph story is one long first sentence, and every company in
it "leads"). Offsets do not change.
"""

from summarizer.companies.finding.recase.spellings import Group, Name, Spellings, merged, spellings
from summarizer.companies.finding.recase.story import caseless, lowered, mixed, readable, recased

__all__ = [
    "Group",
    "Name",
    "Spellings",
    "caseless",
    "lowered",
    "merged",
    "mixed",
    "readable",
    "recased",
    "spellings",
]
