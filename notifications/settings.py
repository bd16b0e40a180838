import base64
import re
from typing import Annotated, ClassVar, Self

from pydantic import Field, PositiveFloat, PositiveInt, SecretStr, field_validator, model_validator
from pydantic_settings import SettingsConfigDict

from shared.models.notification_template import Channel
from shared.utilities.settings import Port, RunMode, ServiceSettings, env_name
from shared.utilities.signatures import load_ecdsa_public_key

# What each channel's provider needs before it can send; without it, embedded mode writes to
# the outbox and distributed mode refuses to start.
REQUIRED_FOR_CHANNEL: dict[Channel, tuple[str, ...]] = {
    Channel.EMAIL: ("sendgrid_api_key", "sendgrid_webhook_public_key", "email_from_address"),
    Channel.SMS: ("twilio_account_sid", "twilio_auth_token", "twilio_from_number"),
    # FCM's credentials are the external API's; this service needs only the way there.
    Channel.PUSH: ("external_api_url",),
}


MIN_SECRET_BYTES = 32
HEX = re.compile(r"(?:[0-9a-fA-F]{2})+")
BASE64 = re.compile(r"[A-Za-z0-9+/_-]+={0,2}")

CountryCode = Annotated[str, Field(pattern=r"^[A-Z]{2}$")]

# The longest wait between two tries of a send, in either mode; the sweep's stale time is longer.
MAX_BACKOFF_SECONDS = 300


class NotificationsSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="NOTIFICATIONS_")

    service_name: ClassVar[str] = "notifications"
    port: Port = 5008

    enabled_channels: list[Channel] = Field(
        [Channel.EMAIL, Channel.SMS, Channel.PUSH],
        description="channels whose provider must be configured in distributed mode",
    )
    queue_mode: bool = Field(
        False, description="send from the notifications Celery queue instead of in-process"
    )
    public_url: str = Field(
        "http://127.0.0.1:5000",
        description="where providers and recipients reach the platform (webhooks, unsubscribe)",
    )
    unsubscribe_secret: SecretStr = Field(
        SecretStr(""), description="signs unsubscribe links; empty: a development secret"
    )

    sendgrid_api_key: SecretStr = Field(SecretStr(""), description="SendGrid API key")
    sendgrid_base_url: str = Field("https://api.sendgrid.com", description="SendGrid's API")
    sendgrid_webhook_public_key: str = Field(
        "", description="SendGrid's Event Webhook verification key (base64 DER or PEM)"
    )
    email_from_address: str = Field("", description="the From address of every email")
    email_from_name: str = Field("", description="the From name; empty: the account's brand")

    twilio_account_sid: str = Field("", description="Twilio Account SID")
    twilio_auth_token: SecretStr = Field(SecretStr(""), description="Twilio auth token")
    twilio_from_number: str = Field("", description="the E.164 number SMS are sent from")
    twilio_base_url: str = Field("https://api.twilio.com", description="Twilio's API")

    external_api_url: str = Field(
        "", description="the external API, which sends push to FCM tokens; empty: push held"
    )
    expo_access_token: SecretStr = Field(
        SecretStr(""), description="Expo push access token; empty when Expo does not ask one"
    )
    expo_base_url: str = Field("https://exp.host", description="Expo's push API")
    expo_receipt_delay_seconds: PositiveFloat = Field(
        900, description="how long after a push Expo is asked for its receipt"
    )
    expo_receipt_poll_seconds: PositiveFloat = Field(
        60, description="how often the Expo receipts that are due are asked for"
    )

    connect_timeout_seconds: PositiveFloat = Field(5, description="seconds to reach a provider")
    read_timeout_seconds: PositiveFloat = Field(
        15, description="seconds a provider may take to answer"
    )
    max_attempts: PositiveInt = Field(
        5, description="tries of a send a provider answers 5xx or not at all"
    )
    retry_backoff_seconds: PositiveFloat = Field(
        2, description="wait before the first retry, doubled each time"
    )
    sweep_seconds: PositiveFloat = Field(
        30, description="how often deliveries held by quiet hours or left behind are looked at"
    )
    email_daily_limit: PositiveInt = Field(
        2000, description="emails an account may send a UTC day (per plan once billing sets it)"
    )
    sms_daily_limit: PositiveInt = Field(
        200, description="SMS an account may send a UTC day (per plan once billing sets it)"
    )
    sms_allowed_countries: list[CountryCode] = Field(
        ["US", "CA"], description="JSON list of the ISO 3166 countries SMS are sent to"
    )
    sendgrid_webhook_tolerance_seconds: PositiveInt = Field(
        600, description="how far a signed SendGrid event's timestamp may be from now"
    )
    render_workers: PositiveInt = Field(2, description="processes templates are rendered in")
    render_timeout_seconds: PositiveFloat = Field(
        2, description="longest a template may take to render; its worker is stopped after"
    )
    render_output_limit: PositiveInt = Field(
        200_000, description="characters a template's subject, text or HTML may print"
    )
    render_memory_mb: Annotated[int, Field(ge=64)] = Field(
        256, description="address space of a render worker, in MiB"
    )
    unsubscribe_link_days: PositiveInt = Field(
        365, description="days an unsubscribe link keeps working after its email is sent"
    )
    stale_seconds: float = Field(
        900,
        gt=MAX_BACKOFF_SECONDS,
        description="a queued delivery untouched this long is handed over again; "
        "longer than the longest wait between tries",
    )

    @field_validator("sendgrid_webhook_public_key")
    @classmethod
    def an_ecdsa_key(cls, value: str) -> str:
        if value:
            load_ecdsa_public_key(value)  # raises ValueError, naming what is wrong
        return value

    def missing_for(self, channel: Channel) -> list[str]:
        """The variables a channel's provider still needs."""
        return [
            env_name(type(self), field)
            for field in REQUIRED_FOR_CHANNEL[channel]
            if not secret_value(getattr(self, field))
        ]

    @model_validator(mode="after")
    def distributed_mode_needs_provider_keys(self) -> Self:
        if self.mode is RunMode.DISTRIBUTED:
            for channel in self.enabled_channels:
                if missing := self.missing_for(channel):
                    verb = "is" if len(missing) == 1 else "are"
                    raise ValueError(
                        f"{', '.join(missing)} {verb} required in distributed mode for {channel} "
                        f"(or leave {channel} out of {env_name(type(self), 'enabled_channels')})"
                    )
            if Channel.PUSH in self.enabled_channels and not self.service_token_private_key:
                raise ValueError(
                    f"{env_name(type(self), 'service_token_private_key')} is required in "
                    "distributed mode for push (it signs the calls to the external API)"
                )
            if not random_key(self.unsubscribe_secret.get_secret_value()):
                raise ValueError(
                    f"{env_name(type(self), 'unsubscribe_secret')} must be at least "
                    f"{MIN_SECRET_BYTES} random bytes in base64 or hex in distributed mode "
                    "(python -m scripts.keys makes one)"
                )
        return self


def random_key(secret: str) -> bytes | None:
    """The bytes a secret encodes (base64, base64url or hex), when they are enough random bytes
    for a signing key; None for anything else (a passphrase, a short or repetitive value)."""
    text = secret.strip()
    if HEX.fullmatch(text):
        key = bytes.fromhex(text)
    elif BASE64.fullmatch(text) and len(unpadded := text.rstrip("=")) % 4 != 1:
        urlsafe = unpadded.replace("+", "-").replace("/", "_")
        key = base64.urlsafe_b64decode(urlsafe + "=" * (-len(urlsafe) % 4))
    else:
        return None
    # Random bytes repeat little: 32 of them hold about 30 different values.
    enough = len(key) >= MIN_SECRET_BYTES and len(set(key)) >= MIN_SECRET_BYTES // 2
    return key if enough else None


def secret_value(value: str | SecretStr) -> str:
    return value.get_secret_value() if isinstance(value, SecretStr) else value
