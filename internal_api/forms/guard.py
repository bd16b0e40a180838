"""The public layer's checks of a form's submission (`internal_api.public`), with the form's
own settings, cheapest first and all before anything is stored: the page's origin among the
form's allowed origins, the form's rate limits (per visitor address and for the form, per
minute, beside the platform's own), the honeypot left empty, the render stamp at least the
form's minimum fill time old (a form with none takes a plain HTML post without a stamp), and
the form's captcha solved, verified with the form's own keys."""

from dataclasses import dataclass, replace
from typing import Annotated

from fastapi import Depends
from redis.asyncio import Redis

from internal_api.forms.public_body import PublicSubmission
from internal_api.forms.secrets import CaptchaSealer
from internal_api.public.captcha import CaptchaKeys, CaptchaProvider, Captchas
from internal_api.public.cors import Cors, PublicCors
from internal_api.public.layer import PublicCaptchas, Stamps
from internal_api.public.limits import VisitorIp
from internal_api.public.spam import RenderStamps, check_honeypot
from shared.models.form import Form
from shared.utilities.app import RedisClient
from shared.utilities.encryption import SecretBox
from shared.utilities.errors import RateLimited
from shared.utilities.ratelimit import Limit, RateLimiter

MINUTE = 60


@dataclass(frozen=True)
class SubmissionGuard:
    cors: Cors
    redis: Redis
    visitor_ip: str
    stamps: RenderStamps
    captchas: Captchas
    box: SecretBox

    async def check(self, form: Form, sent: PublicSubmission) -> None:
        self.cors.admit(form.allowed_origins)
        await count_submission(form, self.redis, self.visitor_ip)
        check_honeypot(sent.answers.get(form.honeypot_field))
        if form.min_fill_seconds:
            form_stamps = replace(self.stamps, min_fill_seconds=form.min_fill_seconds)
            form_stamps.check(sent.render_stamp, str(form.id))
        if form.captcha:
            provider = CaptchaProvider(form.captcha.provider.value)
            keys = CaptchaKeys(form.captcha.site_key, self.box.open(form.captcha.sealed_secret))
            with_form_keys = Captchas(self.captchas.client, {provider: keys}, local_allowed=False)
            await with_form_keys.verify(
                provider,
                sent.captcha_token,
                remote_ip=self.visitor_ip,
                idempotency_key=sent.client_submission_id or "",
            )


def submission_guard(
    cors: PublicCors,
    redis: RedisClient,
    visitor_ip: VisitorIp,
    stamps: Stamps,
    captchas: PublicCaptchas,
    box: CaptchaSealer,
) -> SubmissionGuard:
    return SubmissionGuard(cors, redis, visitor_ip, stamps, captchas, box)


SubmissionGuards = Annotated[SubmissionGuard, Depends(submission_guard)]


async def count_submission(form: Form, redis: Redis, visitor_ip: str) -> None:
    """One submission counted against the form's own limits: 429 with Retry-After over one."""
    limiter = RateLimiter(
        redis,
        {
            "form-ip": (Limit(form.rate_limit_per_ip_per_minute, MINUTE),),
            "form": (Limit(form.rate_limit_per_minute, MINUTE),),
        },
    )
    verdict = await limiter.hit({"form-ip": f"{form.id}:{visitor_ip}", "form": str(form.id)})
    if verdict and not verdict.allowed:
        raise RateLimited(headers={"retry-after": str(verdict.reset_seconds)})
