"""The hashes a document is checked with: its content's, frozen when sent, and its state's
(the content's with every signature given so far), recorded before and after each step of its
audit trail, so the certificate shows what each step signed over."""

import hashlib
import json
from collections.abc import Iterable

from shared.models.edocs_document import EdocsDocument
from shared.models.edocs_signer import EdocsSigner, SignatureKind


def sha256(data: str | bytes) -> str:
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()


def signature_sha256(kind: SignatureKind, typed_name: str | None, png: bytes | None) -> str:
    """What a signature is fingerprinted by: the typed name, or the drawn PNG's bytes."""
    return sha256(typed_name or "") if kind is SignatureKind.TYPED else sha256(png or b"")


def state_hash(document: EdocsDocument, signers: Iterable[EdocsSigner]) -> str:
    """SHA-256 of the content's hash and of each signature given, in signing order."""
    signed = [
        {"order": signer.order, "email": signer.email, "signature": signer.signature.sha256}
        for signer in sorted(signers, key=lambda signer: signer.order)
        if signer.signature
    ]
    state = {"content": document.content_sha256, "signatures": signed}
    return sha256(json.dumps(state, sort_keys=True, separators=(",", ":")))
