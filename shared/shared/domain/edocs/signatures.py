"""Signatures as a signer gives them: a typed name, or a drawing sent as a PNG data URL
(`data:image/png;base64,...`), decoded, checked to be a PNG of at most MAX_PNG_BYTES, and kept
with the SHA-256 it is fingerprinted by."""

import base64
import binascii

from shared.domain.edocs.errors import InvalidSignature
from shared.domain.edocs.hashing import signature_sha256
from shared.models.edocs_signer import Signature, SignatureKind

MAX_PNG_BYTES = 200 * 1024
PNG_DATA_URL = "data:image/png;base64,"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
# A data URL's base64 is 4/3 of its bytes: anything longer is refused before decoding.
MAX_DATA_URL_CHARS = len(PNG_DATA_URL) + (MAX_PNG_BYTES * 4 // 3) + 4


def refused(message: str, field: str) -> InvalidSignature:
    return InvalidSignature(message, details=[{"field": field, "message": message}])


def png_bytes(data_url: str) -> bytes:
    """The PNG a data URL holds; raises InvalidSignature unless it is one, small enough."""
    if not data_url.startswith(PNG_DATA_URL) or len(data_url) > MAX_DATA_URL_CHARS:
        raise refused(f"must be a PNG data URL of at most {MAX_PNG_BYTES} bytes", "drawn_signature")
    try:
        png = base64.b64decode(data_url.removeprefix(PNG_DATA_URL), validate=True)
    except (binascii.Error, ValueError):
        raise refused("is not valid base64", "drawn_signature") from None
    if not png.startswith(PNG_MAGIC) or len(png) > MAX_PNG_BYTES:
        raise refused(f"must be a PNG data URL of at most {MAX_PNG_BYTES} bytes", "drawn_signature")
    return png


def typed_signature(name: str) -> Signature:
    name = " ".join(name.split())
    if not name:
        raise refused("must not be empty", "typed_name")
    return Signature(
        kind=SignatureKind.TYPED,
        typed_name=name,
        sha256=signature_sha256(SignatureKind.TYPED, name, None),
    )


def drawn_signature(data_url: str) -> Signature:
    png = png_bytes(data_url)
    return Signature(
        kind=SignatureKind.DRAWN,
        drawn_png=data_url,
        sha256=signature_sha256(SignatureKind.DRAWN, None, png),
    )


def signature_intact(signature: Signature) -> bool:
    """The signature still has the fingerprint it was given with."""
    try:
        png = png_bytes(signature.drawn_png) if signature.drawn_png else None
    except InvalidSignature:
        return False
    return signature_sha256(signature.kind, signature.typed_name, png) == signature.sha256
