"""Who may see what, as SQL conditions shared by the repositories' queries.

Both take the asking chat as the named parameter ``:chat`` (NULL: no chat, i.e. what
every chat sees). They are fragments of parameterised SQL, never formatted with input.
"""

from __future__ import annotations

# Articles (alias ``a``): the operator's (submitted_by NULL: CLI ingest, feeds, admin
# /ingest) plus the pages the asking chat submitted itself with /summary URL.
VISIBLE = (
    "(a.submitted_by IS NULL OR EXISTS (SELECT 1 FROM article_readers AS r "
    "WHERE r.article_id = a.id AND r.chat_id = :chat))"
)

# Companies (alias ``c``): the registry, the names found in the operator's news (no chat
# made them up), plus the custom names the asking chat created or follows; another
# chat's custom names are never shown or suggested.
# A name a chat made up stays private to the chats that follow it, also when the
# operator's news names it: the matcher looks for it only because that chat made it up.
# Only a name the operator's news brought in (its row stored by the ingest, so
# created_by is NULL from the start) is everyone's. created_by never becomes NULL later:
# at /stop a made-up name passes to a chat that follows it, or is deleted
# (Companies.hand_over).
# "Named in the operator's news" is the stored flag companies.operator_linked (set when
# an operator article is linked to the company, see Articles), not a search of the
# company's article links per row: chats' /summary pages can link thousands.
OWN_COMPANY = (
    "(c.custom = 0 OR c.created_by = :chat OR EXISTS (SELECT 1 FROM subscriptions "
    "AS s WHERE s.chat_id = :chat AND s.company_id = c.id) OR (c.created_by IS NULL "
    "AND c.operator_linked = 1))"
)
