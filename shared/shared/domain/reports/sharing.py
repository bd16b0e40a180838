"""Public share links: `<id>.<expires>.<mac>`, the MAC an HMAC-SHA256 (under
REPORTS_LINK_KEY) of what is shared (a client report, an InstaReport), its id, the link's expiry
(Unix seconds) and the document's share nonce. Nothing is stored per link: a changed character
or a past expiry fails the check, and a new nonce voids every link given so far. A link that
fails answers exactly like a missing report (404)."""

import hashlib
import hmac
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import TypeVar

from shared.domain.reports.errors import ShareLinkInvalid
from shared.domain.reports.settings import ReportSettings
from shared.models.base import TenantDocument
from shared.utilities.keys import development_secret
from shared.utilities.signatures import same

MAC_CHARS = 32  # 128 bits of the SHA-256 HMAC, in hex
# What a link shares: a link made for one kind opens nothing of the other.
CLIENT_REPORT = "client-report"
INSTAREPORT = "instareport"
DocumentT = TypeVar("DocumentT", bound=TenantDocument)


def link_key(settings: ReportSettings) -> bytes:
    """The configured key; a development secret in embedded mode when none is set (the
    settings refuse none in distributed mode)."""
    return (settings.reports_link_key or development_secret("reports-links")).encode()


def mac(key: bytes, kind: str, document_id: str, expires: int, nonce: str) -> str:
    message = f"{kind}:{document_id}:{expires}:{nonce}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:MAC_CHARS]


def share_token(
    key: bytes, kind: str, document: TenantDocument, nonce: str, expires: datetime
) -> str:
    seconds = int(expires.timestamp())
    return f"{document.id}.{seconds}.{mac(key, kind, str(document.id), seconds, nonce)}"


async def shared_document(
    key: bytes,
    kind: str,
    token: str,
    now: datetime,
    find: Callable[[str], Awaitable[DocumentT | None]],
    nonce_of: Callable[[DocumentT], str],
) -> DocumentT:
    """The document the link was made for, while it has not expired; ShareLinkInvalid
    otherwise."""
    document_id, _, rest = token.partition(".")
    expires_text, _, given = rest.partition(".")
    if not expires_text.isdigit() or int(expires_text) <= now.timestamp():
        raise ShareLinkInvalid()
    document = await find(document_id)
    if document is None:
        raise ShareLinkInvalid()
    expected = mac(key, kind, str(document.id), int(expires_text), nonce_of(document))
    if not same(expected, given):
        raise ShareLinkInvalid()
    return document


def share_path(token: str) -> str:
    """Where a client report's link opens it (the API's public page, on the account's domain)."""
    return f"/v1/reports/public/{token}"
