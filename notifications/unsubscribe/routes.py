"""Public unsubscribe pages: the link in a marketing email, and the one-click POST.

GET only shows a page with a button: mail scanners fetch the links in an email, and must not
unsubscribe anyone by doing so. POST unsubscribes: the page's button, and the mail client's
one-click request (`List-Unsubscribe=One-Click`, RFC 8058) alike.
"""

from html import escape

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from notifications.dependencies import Settings
from notifications.unsubscribe import service
from notifications.unsubscribe.errors import LinkExpired, LinkNotValid
from shared.utilities.errors import error_responses

router = APIRouter(prefix="/v1/notifications/unsubscribe", tags=["unsubscribe"])

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Unsubscribe</title></head>
<body style="font-family: sans-serif; max-width: 32em; margin: 4em auto;">{}</body></html>"""


@router.get(
    "/{token}",
    response_class=HTMLResponse,
    summary="The page an unsubscribe link opens: asks before unsubscribing",
    responses=error_responses(LinkNotValid, LinkExpired),
)
async def confirm_page(token: str, settings: Settings) -> HTMLResponse:
    service.read_token(settings, token)
    form = (
        "<p>Stop receiving marketing email from us?</p>"
        f'<form method="post" action="{escape(service.UNSUBSCRIBE_PATH + token)}">'
        '<input type="hidden" name="List-Unsubscribe" value="One-Click">'
        '<button type="submit">Unsubscribe</button></form>'
    )
    return HTMLResponse(PAGE.format(form))


@router.post(
    "/{token}",
    response_class=HTMLResponse,
    summary="Unsubscribe from marketing email (the page's button, or one-click)",
    responses=error_responses(LinkNotValid, LinkExpired),
)
async def unsubscribe(token: str, settings: Settings) -> HTMLResponse:
    await service.unsubscribe(settings, token)
    return HTMLResponse(PAGE.format("<p>You are unsubscribed from marketing email.</p>"))
