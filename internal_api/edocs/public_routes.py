"""/v1/edocs/public/sign/{token}: what a signer's emailed link opens, without a session. The
token is the link (`shared.domain.edocs.links`): it names one signer, and through it one
document of one account, and reaches nothing else; a link the platform did not make answers
404 `signing_link_invalid`. Rate-limited per client address and per link by the public layer.

Every call checks the document first: one changed since it was sent answers 409
`document_tampered`, and nothing is recorded.
"""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Response

from internal_api.dependencies import Settings
from internal_api.edocs.dependencies import AuditClient
from internal_api.edocs.schemas import (
    DeclineWrite,
    PublicDocumentRead,
    PublicSignerRead,
    SignatureWrite,
    SignerRead,
)
from internal_api.public.limits import rate_limited
from shared.domain.edocs import signing
from shared.domain.edocs.errors import (
    DocumentExpired,
    DocumentNotOpen,
    DocumentTampered,
    InvalidSignature,
    NotYourTurn,
    SigningLinkInvalid,
)
from shared.domain.edocs.links import link_key
from shared.domain.edocs.signatures import drawn_signature, typed_signature
from shared.models.edocs_signer import SignatureKind
from shared.utilities.errors import InvalidInput, RateLimited, error_responses

router = APIRouter(prefix="/v1/edocs/public/sign", tags=["edocs"])

Token = Annotated[str, Path(max_length=100, pattern=r"^[A-Za-z0-9]+\.[A-Za-z0-9]+$")]
OPENING_ERRORS = (SigningLinkInvalid, DocumentTampered, RateLimited)
SIGNING_ERRORS = (*OPENING_ERRORS, DocumentExpired, DocumentNotOpen, NotYourTurn, InvalidInput)


def shown(found: signing.Signing, response: Response) -> PublicDocumentRead:
    # The content is the signer's alone: no cache keeps it.
    response.headers["cache-control"] = "no-store"
    return PublicDocumentRead(
        title=found.document.title,
        status=found.document.status,
        content=found.document.content,
        content_sha256=found.document.content_sha256 or "",
        expires_at=found.document.expires_at,
        signer=SignerRead.model_validate(found.signer),
        signers=[PublicSignerRead.model_validate(each) for each in found.signers],
    )


@router.get(
    "/{token}",
    response_model=PublicDocumentRead,
    summary="The document a signing link opens (no session)",
    description="As it was sent, with where its signing stands; recorded in its audit trail.",
    dependencies=[Depends(rate_limited("edocs-view", key_from="token"))],
    responses=error_responses(*OPENING_ERRORS),
)
async def view_document(
    token: Token, client: AuditClient, settings: Settings, response: Response
) -> PublicDocumentRead:
    return shown(await signing.view(link_key(settings), token, client), response)


@router.post(
    "/{token}/sign",
    response_model=PublicDocumentRead,
    summary="Sign the document (no session)",
    description="By a typed name, or a drawing sent as a PNG data URL (at most 200 KiB). The "
    "next signer is then invited; after the last one the signed PDF is made. 410 "
    "`document_expired` once it expired, 409 `not_your_turn` before the signers ahead have "
    "signed or after this one has.",
    dependencies=[Depends(rate_limited("edocs-sign", key_from="token"))],
    responses=error_responses(*SIGNING_ERRORS, InvalidSignature),
)
async def sign_document(
    token: Token,
    body: SignatureWrite,
    client: AuditClient,
    settings: Settings,
    response: Response,
) -> PublicDocumentRead:
    if body.kind is SignatureKind.TYPED:
        signature = typed_signature(body.typed_name or "")
    else:
        signature = drawn_signature(body.drawn_signature or "")
    signed = await signing.sign(link_key(settings), token, signature, client)
    return shown(signed, response)


@router.post(
    "/{token}/decline",
    response_model=PublicDocumentRead,
    summary="Decline to sign the document (no session)",
    description="With a reason; nobody after this signer is asked.",
    dependencies=[Depends(rate_limited("edocs-sign", key_from="token"))],
    responses=error_responses(*SIGNING_ERRORS),
)
async def decline_document(
    token: Token,
    body: DeclineWrite,
    client: AuditClient,
    settings: Settings,
    response: Response,
) -> PublicDocumentRead:
    declined = await signing.decline(link_key(settings), token, body.reason, client)
    return shown(declined, response)
