"""Webhook signatures of the providers the platform hears from, as each documents them.

Pure functions over the raw request: `*_shaped` answers whether a signature header has the
provider's shape, before any body is read; `verify_*` whether a signature is genuine; `sign_*`
makes what the provider would send (for fakes and tests). None of them raises on a malformed
header, whatever characters it holds, and every comparison is constant-time, on bytes.
"""

import base64
import binascii
import hmac
import re
import time
from collections.abc import Iterable, Mapping

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

HEX_SHA256 = re.compile(r"[0-9a-f]{64}")
BASE64_SHA1 = re.compile(r"[A-Za-z0-9+/]{27}=")
# A DER ECDSA P-256 signature is 70 to 72 bytes: 96 base64 characters.
BASE64_ECDSA = re.compile(r"[A-Za-z0-9+/]{90,100}={0,2}")


def _hmac(key: str | bytes, message: bytes, digest: str) -> bytes:
    key_bytes = key.encode() if isinstance(key, str) else key
    return hmac.new(key_bytes, message, digest).digest()


def same(expected: str, given: str) -> bool:
    """Constant-time equality of two signatures, compared as bytes: a header may hold any
    character (servers decode headers as Latin-1), and `hmac.compare_digest` refuses text that
    is not ASCII by raising."""
    return hmac.compare_digest(expected.encode(), given.encode("utf-8", "surrogatepass"))


def unix_seconds(value: str) -> int | None:
    """A timestamp header's seconds; None unless it is ASCII digits (`str.isdigit` also takes
    other scripts' digits and superscripts, which `int` may then refuse)."""
    return int(value) if value.isascii() and value.isdigit() and len(value) <= 12 else None


# --- Timestamped HMAC-SHA256, `t=<unix>,v1=<hex>` (Stripe's `Stripe-Signature`) --------------


def sign_timestamped_hmac(secret: str, payload: bytes, timestamp: int) -> str:
    """The header value: HMAC-SHA256 of `"{t}.{payload}"` in hex, with its timestamp."""
    signature = _hmac(secret, f"{timestamp}.".encode() + payload, "sha256").hex()
    return f"t={timestamp},v1={signature}"


def parse_timestamped_header(header: str) -> tuple[int | None, list[str]]:
    """The header's `t` and every `v1`; other schemes (`v0`) are ignored, as documented."""
    timestamp, signatures = None, []
    for item in header.split(","):
        name, _, value = item.strip().partition("=")
        if name == "t":
            timestamp = unix_seconds(value)
        elif name == "v1":
            signatures.append(value)
    return timestamp, signatures


def timestamped_header_shaped(header: str) -> int | None:
    """The header's timestamp when it has a `t` and at least one `v1` of 64 hex digits."""
    timestamp, signatures = parse_timestamped_header(header)
    if timestamp is None or not any(HEX_SHA256.fullmatch(given) for given in signatures):
        return None
    return timestamp


def verify_timestamped_hmac(
    secret: str, payload: bytes, header: str, tolerance_seconds: int, now: float | None = None
) -> bool:
    """True when one `v1` of the header signs `"{t}.{payload}"` and `t` is within the tolerance
    of now (either way, so a replayed old delivery is refused). Several `v1` appear while the
    provider rolls a secret."""
    timestamp, signatures = parse_timestamped_header(header)
    if timestamp is None or not signatures:
        return False
    if abs((time.time() if now is None else now) - timestamp) > tolerance_seconds:
        return False
    expected = sign_timestamped_hmac(secret, payload, timestamp).rpartition("v1=")[2]
    return any(same(expected, signature) for signature in signatures)


# --- Twilio's `X-Twilio-Signature`: HMAC-SHA1 of the URL and the sorted POST parameters -------


Params = Mapping[str, str] | Iterable[tuple[str, str]]  # a form: a dict, or pairs when repeated


def sign_twilio(auth_token: str, url: str, params: Params) -> str:
    """base64(HMAC-SHA1(auth token, full URL + each POST parameter's name and value, sorted by
    name)). A repeated name contributes each of its values, in order."""
    pairs = params.items() if isinstance(params, Mapping) else params
    signed = url + "".join(name + value for name, value in sorted(pairs, key=lambda p: p[0]))
    return base64.b64encode(_hmac(auth_token, signed.encode(), "sha1")).decode()


def twilio_signature_shaped(signature: str) -> bool:
    return bool(BASE64_SHA1.fullmatch(signature))


def verify_twilio(auth_token: str, url: str, params: Params, signature: str) -> bool:
    return same(sign_twilio(auth_token, url, params), signature)


# --- Base64 HMAC-SHA1 of the body (CallRail's `Signature`) -----------------------------------


def sign_body_hmac_sha1(key: str, body: bytes) -> str:
    return base64.b64encode(_hmac(key, body, "sha1")).decode()


def body_hmac_sha1_shaped(signature: str) -> bool:
    return bool(BASE64_SHA1.fullmatch(signature))


def verify_body_hmac_sha1(key: str, body: bytes, signature: str) -> bool:
    return same(sign_body_hmac_sha1(key, body), signature)


# --- `X-Hub-Signature-256: sha256=<hex>` (GitHub, Meta) ---------------------------------------


def sign_hub_sha256(secret: str, body: bytes) -> str:
    return "sha256=" + _hmac(secret, body, "sha256").hex()


def hub_sha256_shaped(header: str) -> bool:
    scheme, _, signature = header.partition("=")
    return scheme == "sha256" and bool(HEX_SHA256.fullmatch(signature))


def verify_hub_sha256(secret: str, body: bytes, header: str) -> bool:
    return same(sign_hub_sha256(secret, body), header)


# --- ECDSA P-256 / SHA-256 over `timestamp + payload` (SendGrid's event webhook) -------------


def load_ecdsa_public_key(public_key: str) -> ec.EllipticCurvePublicKey:
    """A verification key as providers hand it out: base64 of the DER SubjectPublicKeyInfo
    (SendGrid's settings page), or a PEM. Raises ValueError on anything else."""
    data = public_key.strip().encode()
    try:
        key = (
            serialization.load_pem_public_key(data)
            if data.startswith(b"-----BEGIN")
            else serialization.load_der_public_key(base64.b64decode(data, validate=True))
        )
    except (binascii.Error, ValueError, TypeError) as error:
        raise ValueError("not an ECDSA public key") from error
    if not isinstance(key, ec.EllipticCurvePublicKey):
        raise ValueError("not an ECDSA public key")
    return key


def sign_ecdsa_sha256(
    private_key: ec.EllipticCurvePrivateKey, timestamp: str, payload: bytes
) -> str:
    """The base64 DER signature SendGrid sends in `X-Twilio-Email-Event-Webhook-Signature`."""
    signature = private_key.sign(timestamp.encode() + payload, ec.ECDSA(hashes.SHA256()))
    return base64.b64encode(signature).decode()


def ecdsa_signature_shaped(signature: str) -> bool:
    return bool(BASE64_ECDSA.fullmatch(signature))


def verify_ecdsa_sha256(
    public_key: ec.EllipticCurvePublicKey, timestamp: str, payload: bytes, signature: str
) -> bool:
    try:
        der = base64.b64decode(signature, validate=True)
        public_key.verify(der, timestamp.encode() + payload, ec.ECDSA(hashes.SHA256()))
    except (binascii.Error, ValueError, InvalidSignature):
        return False
    return True


def generate_ecdsa_key() -> tuple[ec.EllipticCurvePrivateKey, str]:
    """A P-256 pair: the private key and the public one as base64 DER, as SendGrid shows it."""
    private_key = ec.generate_private_key(ec.SECP256R1())
    der = private_key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return private_key, base64.b64encode(der).decode()


# --- Base64 HMAC-SHA256 of notification URL + body (Square's `x-square-hmacsha256-signature`) -

BASE64_SHA256 = re.compile(r"[A-Za-z0-9+/]{43}=")


def sign_square(signature_key: str, notification_url: str, body: bytes) -> str:
    signed = notification_url.encode() + body
    return base64.b64encode(_hmac(signature_key, signed, "sha256")).decode()


def square_signature_shaped(signature: str) -> bool:
    return bool(BASE64_SHA256.fullmatch(signature))


def verify_square(signature_key: str, notification_url: str, body: bytes, signature: str) -> bool:
    return same(sign_square(signature_key, notification_url, body), signature)


# --- Base64 HMAC-SHA1 of `X-CTM-Time` + body (CallTrackingMetrics' `X-CTM-Signature`) --------


def sign_ctm(secret_key: str, timestamp: str, body: bytes) -> str:
    return base64.b64encode(_hmac(secret_key, timestamp.encode() + body, "sha1")).decode()


def verify_ctm(secret_key: str, timestamp: str, body: bytes, signature: str) -> bool:
    return same(sign_ctm(secret_key, timestamp, body), signature)
