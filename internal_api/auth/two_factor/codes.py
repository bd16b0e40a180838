"""The codes of two-factor authentication: TOTP codes (RFC 6238: six digits for each 30-second
step, from a secret the user's authenticator app holds) and recovery codes (random, shown once,
stored as their SHA-256: they are long enough not to need a slow hash)."""

import base64
import secrets

import pyotp
import qrcode
import qrcode.image.svg
from pyotp import OTPVerificationError

from shared.utilities.secret_tokens import hash_token

# A code of the step before or after the current one passes too: phones' clocks drift, and
# typing a code takes a few seconds.
VALID_WINDOW = 1
RECOVERY_CODES = 10
# Lower case without the characters read for others (0 o, 1 l i): ~49 bits in ten of them.
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
RECOVERY_CODE_HALF = 5


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, issuer: str, email: str) -> str:
    """The `otpauth://` URI an authenticator app reads (as a QR code, or typed in)."""
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=issuer)


def qr_code(uri: str) -> str:
    """The URI as a QR code: an SVG data URI, ready for an <img src>."""
    svg = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage).to_string()
    return f"data:image/svg+xml;base64,{base64.b64encode(svg).decode()}"


def normalised(code: str) -> str:
    """The code as typed, without the spaces and hyphens people put in, lower case."""
    return code.replace(" ", "").replace("-", "").lower()


def is_totp_code(code: str) -> bool:
    """Six digits: a TOTP code; anything else is taken for a recovery code."""
    return len(code) == 6 and code.isascii() and code.isdigit()


def matching_step(secret: str, code: str, at: float) -> int | None:
    """The time step the TOTP code is right for, in the window around `at` (seconds since the
    epoch); None when it is wrong."""
    try:
        return pyotp.TOTP(secret).verify_and_get_timecode(
            code, for_time=at, valid_window=VALID_WINDOW
        )
    except OTPVerificationError:
        return None


def new_recovery_codes() -> list[str]:
    """Ten codes like `k7mq2-x9fhz`, each good once."""
    return [
        "-".join(
            "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_CODE_HALF))
            for _ in range(2)
        )
        for _ in range(RECOVERY_CODES)
    ]


def hash_recovery_code(code: str) -> str:
    return hash_token(normalised(code))
