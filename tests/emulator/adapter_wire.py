"""Reading Bot API requests as PTB sends them (form fields, JSON-encoded non-strings)."""

from __future__ import annotations

import contextlib
import json
from typing import Any

from aiohttp import web

STRING_PARAMS = frozenset(
    {
        "text",
        "caption",
        "parse_mode",
        "callback_query_id",
        "inline_message_id",
        "url",
        "action",
        "description",
        "short_description",
        "name",
        "language_code",
        "emoji",
        "business_connection_id",
        "message_effect_id",
        "secret_token",
        "data",
    }
)


def decode(params: dict[str, Any]) -> dict[str, Any]:
    """PTB sends form fields JSON-encoded except plain strings; undo that."""
    decoded: dict[str, Any] = {}
    for key, value in params.items():
        if isinstance(value, str) and key not in STRING_PARAMS:
            with contextlib.suppress(ValueError):
                value = json.loads(value)
        decoded[key] = value
    return decoded


async def read_params(request: web.Request) -> dict[str, Any]:
    """Query string plus form or JSON body, decoded."""
    params: dict[str, Any] = dict(request.query)
    if request.can_read_body:
        if request.content_type == "application/json":
            params.update(await request.json())
        else:
            form = await request.post()
            params.update({k: v for k, v in form.items() if isinstance(v, str)})
    return decode(params)
