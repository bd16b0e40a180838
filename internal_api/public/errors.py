"""What the public layer may refuse, each case with its own code."""

from collections.abc import Sequence

from shared.utilities.errors import BadRequest, Forbidden, ServiceUnavailable


class OriginNotAllowed(Forbidden):
    """The page asking is on a website the resource does not allow (its allowed origins)."""

    code, message = "origin_not_allowed", "This website may not use this resource."


class SpamSuspected(BadRequest):
    """The submission looks automated (a filled hidden field, sent too fast, or without a
    genuine render stamp): nothing is stored."""

    code, message = "spam_suspected", "The submission was refused as automated; reload the page."


class CaptchaFailed(BadRequest):
    """The captcha answer is missing, wrong, expired or used already; `details` carry the
    provider's error codes. The visitor solves a new one."""

    code, message = "captcha_failed", "The captcha was not solved; please try again."

    def __init__(self, error_codes: Sequence[str]) -> None:
        super().__init__(details=[{"field": "captcha_token", "error_codes": list(error_codes)}])


class CaptchaUnavailable(ServiceUnavailable):
    """The captcha provider could not be asked (down, too slow, an unreadable answer, or our
    keys refused): the submission is not taken, and may be sent again."""

    code, message = "captcha_unavailable", "The captcha could not be checked; try again shortly."


class CaptchaNotConfigured(ServiceUnavailable):
    """The resource asks for a captcha provider this platform has no keys for (or the local
    stand-in, outside embedded mode)."""

    code, message = "captcha_not_configured", "The captcha this form uses is not set up."
