"""Visitor tokens: what a live-chat visitor reconnects with to continue its conversation.

Signed by the general socket with its own key and audience, so a visitor token is never a
user token anywhere (the user verifier checks another key and audience) and a user token is
never a visitor token here. It is short-lived; each connection hands the visitor a fresh one.
"""

import time
import uuid
from dataclasses import dataclass

from cryptography.hazmat.primitives import serialization

from general_socket.settings import GeneralSocketSettings
from shared.utilities.auth import Principal, TokenKind, TokenSigner, TokenVerifier
from shared.utilities.keys import development_key_pair

VISITOR_AUDIENCE = "live-chat-visitor"
VISITOR_SCOPE = "is-auth-visitor"


class Visitor(Principal):
    """A website visitor chatting with an account through one of its widgets. `sub` is the
    visitor id; the prospect and conversation ids are empty until the visitor first writes."""

    kind: TokenKind = TokenKind.VISITOR
    scopes: list[str] = [VISITOR_SCOPE]
    widget_id: str
    prospect_id: str = ""
    conversation_id: str = ""

    @classmethod
    def new(cls, account_id: str, widget_id: str) -> "Visitor":
        return cls(sub=uuid.uuid4().hex, account_id=account_id, widget_id=widget_id)


def public_key_of(private_pem: str) -> str:
    private = serialization.load_pem_private_key(private_pem.encode(), password=None)
    return (
        private.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


@dataclass(frozen=True)
class VisitorTokens:
    signer: TokenSigner
    verifier: TokenVerifier

    @classmethod
    def for_settings(cls, settings: GeneralSocketSettings) -> "VisitorTokens":
        private = settings.visitor_token_private_key or development_key_pair("visitor-tokens")[0]
        issuer = settings.service_name
        return cls(
            signer=TokenSigner(private, issuer, VISITOR_AUDIENCE, settings.visitor_token_seconds),
            verifier=TokenVerifier(public_key_of(private), issuer, VISITOR_AUDIENCE),
        )

    def issue(self, visitor: Visitor) -> dict[str, str | int]:
        token, expires = self.signer.sign(visitor, now=time.time())
        return {"visitor_token": token, "expires_at": expires}

    def verify(self, token: str) -> Visitor:
        return self.verifier.verify(token, Visitor)
