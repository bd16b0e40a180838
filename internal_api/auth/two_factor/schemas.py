from datetime import datetime
from typing import Annotated

from pydantic import Field

from internal_api.auth.schemas import SignedInRead
from shared.utilities.schemas import ReadModel, WriteModel

# A TOTP code is six digits, a recovery code ten characters; spaces and hyphens are ignored.
Code = Annotated[str, Field(max_length=32, examples=["123456", "k7mq2-x9fhz"])]
ChallengeToken = Annotated[
    str, Field(max_length=256, description="the `challenge` the login answered")
]


class ChallengeRead(ReadModel):
    """A right password whose login needs a second step: no session yet. Exactly one of the two
    flags is true and says which step `challenge` is for."""

    two_factor_required: bool = Field(description="send a code: POST /v1/auth/login/two-factor")
    two_factor_enrolment_required: bool = Field(
        description="the account requires two-factor authentication: enrol with "
        "POST /v1/auth/login/two-factor/enrolment, then .../enrolment/confirm"
    )
    challenge: str = Field(description="opaque and single-use; valid until `expires_at`")
    expires_at: datetime


class TwoFactorRead(ReadModel):
    enabled: bool
    enabled_at: datetime | None
    recovery_codes_left: int


class EnrolmentRead(ReadModel):
    """What the authenticator app needs; shown only while enrolment waits for its first code."""

    secret: str = Field(description="base32, for typing into the app")
    otpauth_uri: str = Field(description="the otpauth:// URI the QR code holds")
    qr_code: str = Field(description="the URI as a QR code: an SVG data URI, for <img src>")


class RecoveryCodesRead(ReadModel):
    recovery_codes: list[str] = Field(description="each works once; shown this once only")


class EnrolledSignedInRead(SignedInRead):
    recovery_codes: list[str] = Field(description="each works once; shown this once only")


class CodeCreate(WriteModel):
    code: Code


class TwoFactorDelete(WriteModel):
    password: str = Field(max_length=256)
    code: Code


class ChallengeCreate(WriteModel):
    challenge: ChallengeToken


class ChallengeCodeCreate(WriteModel):
    challenge: ChallengeToken
    code: Code
