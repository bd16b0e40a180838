"""The signing links mailed to signers: `<signer id>.<mac>`, the MAC an HMAC-SHA256 (under
EDOCS_LINK_KEY) of the signer's id and its link nonce. Made again for each reminder, never
stored; a signer's new nonce voids its old links. The link names its signer, and through it
its document and account: it reaches nothing else."""

import hashlib
import hmac
import secrets

from beanie import PydanticObjectId

from shared.domain.edocs.errors import SigningLinkInvalid
from shared.domain.edocs.repository import signer_by_id
from shared.domain.edocs.settings import EdocsSettings
from shared.models.edocs_signer import EdocsSigner
from shared.utilities.keys import development_secret
from shared.utilities.signatures import same

MAC_CHARS = 32  # 128 bits of the SHA-256 HMAC, in hex


def link_key(settings: EdocsSettings) -> bytes:
    """The configured key; a development secret in embedded mode when none is set (the
    settings refuse none in distributed mode)."""
    return (settings.edocs_link_key or development_secret("edocs-links")).encode()


def new_link_nonce() -> str:
    return secrets.token_urlsafe(16)


def mac(key: bytes, signer_id: PydanticObjectId | str, nonce: str) -> str:
    message = f"edocs-sign:{signer_id}:{nonce}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:MAC_CHARS]


def signing_token(key: bytes, signer: EdocsSigner) -> str:
    return f"{signer.id}.{mac(key, signer.id, signer.link_nonce)}"


async def verified_signer(key: bytes, token: str) -> EdocsSigner:
    """The signer the link was made for; raises SigningLinkInvalid otherwise."""
    signer_id, _, given = token.partition(".")
    signer = await signer_by_id(signer_id)
    if signer is None:
        raise SigningLinkInvalid()
    if not same(mac(key, signer.id, signer.link_nonce), given):
        raise SigningLinkInvalid()
    return signer
