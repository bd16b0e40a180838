"""Settings read from the environment and `.env`, one class per service on a shared base.

Variables every service reads (MONGO_URL, REDIS_URL, LOG_LEVEL, ...) have fixed names; a
service's own variables carry its prefix (`ROUTER_PORT`, `GATEWAY_STATIC_DIR`).
"""

import re
import sys
from datetime import timedelta
from enum import StrEnum
from typing import Annotated, ClassVar, Self, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    AliasChoices,
    Field,
    IPvAnyNetwork,
    PositiveInt,
    ValidationError,
    model_validator,
)
from pydantic_settings import BaseSettings, SettingsConfigDict, SettingsError


def common(name: str, default, description: str):
    """A field every service reads under the same variable name, whatever its prefix."""
    return Field(default, validation_alias=AliasChoices(name), description=description)


Port = Annotated[int, Field(ge=1, le=65535, description="port to listen on")]
# A PEM key may be written on one line with \\n for its line breaks (env files, compose).
PemKey = Annotated[str, AfterValidator(lambda pem: pem.replace("\\n", "\n"))]


LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


def log_level_name(value: str) -> str:
    name = str(value).upper()
    if name not in LOG_LEVELS:
        raise ValueError(f"must be one of {', '.join(LOG_LEVELS)}, not {value!r}")
    return name


LogLevel = Annotated[str, AfterValidator(log_level_name)]


def known_time_zone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"{name!r} is not an IANA time zone (e.g. Europe/Paris)") from None
    return name


class RunMode(StrEnum):
    EMBEDDED = "embedded"
    DISTRIBUTED = "distributed"


class ServiceSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    service_name: ClassVar[str] = "service"
    port: Port = 8000
    host: str = common("BIND_HOST", "127.0.0.1", "interface every service listens on")

    mode: RunMode = common(
        "PLATFORM_MODE", RunMode.EMBEDDED, "embedded (one process, in-memory) or distributed"
    )
    mongo_url: str = common("MONGO_URL", "", "MongoDB URL; empty uses an in-memory database")
    mongo_db: str = common("MONGO_DB", "platform", "MongoDB database name")
    mongo_pool_size: int = common("MONGO_POOL_SIZE", 10, "MongoDB connection pool size")
    redis_url: str = common("REDIS_URL", "", "Redis URL; empty uses an in-process substitute")
    log_level: LogLevel = common("LOG_LEVEL", "INFO", "DEBUG, INFO, WARNING or ERROR")
    log_request_sample_rate: Annotated[float, Field(ge=0, le=1)] = common(
        "LOG_REQUEST_SAMPLE_RATE",
        1.0,
        "share of successful requests logged (0 to 1); failed ones are always logged",
    )
    max_body_bytes: PositiveInt = common(
        "MAX_BODY_BYTES", 1024 * 1024, "largest request body a route takes unless it says more"
    )

    default_phone_region: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] = common(
        "DEFAULT_PHONE_REGION",
        "US",
        "country of numbers without a country code, unless the account says",
    )
    default_currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] = common(
        "DEFAULT_CURRENCY", "USD", "currency totals are shown in, unless the account says"
    )
    default_time_zone: Annotated[str, AfterValidator(known_time_zone)] = common(
        "DEFAULT_TIME_ZONE", "UTC", "IANA time zone of dates in emails, unless the account says"
    )

    trusted_proxies: list[IPvAnyNetwork] = common(
        "TRUSTED_PROXIES",
        ["127.0.0.1/32", "::1/128"],
        "JSON list of the networks of the proxies in front (their X-Forwarded-For is believed)",
    )
    cors_origins: list[str] = common(
        "CORS_ORIGINS",
        ["http://127.0.0.1:5000", "http://localhost:5000"],
        "JSON list of browser origins allowed to open sockets (the dashboard's)",
    )
    jwt_public_key: PemKey = common(
        "JWT_PUBLIC_KEY", "", "PEM Ed25519 key verifying user tokens; empty: development key"
    )
    jwt_issuer: str = common("JWT_ISSUER", "platform-router", "iss of every token")
    jwt_audience: str = common("JWT_AUDIENCE", "platform", "aud of user tokens")
    service_token_private_key: PemKey = common(
        "SERVICE_TOKEN_PRIVATE_KEY", "", "PEM Ed25519 key signing service-to-service tokens"
    )
    service_token_public_key: PemKey = common(
        "SERVICE_TOKEN_PUBLIC_KEY", "", "PEM Ed25519 key verifying service-to-service tokens"
    )
    # The service that issues sessions (internal_api) and the one that checks them (the router)
    # must agree on these, so they are common to all.
    session_state_key: str = common(
        "SESSION_STATE_KEY",
        "",
        "secret (32+ random bytes) sealing the session states cached in Redis; internal_api and "
        "the router only; empty in embedded mode uses a development secret",
    )
    session_idle_seconds: PositiveInt = common(
        "SESSION_IDLE_SECONDS", 7 * 24 * 3600, "a session unused this long is refused"
    )
    session_absolute_seconds: PositiveInt = common(
        "SESSION_ABSOLUTE_SECONDS", 30 * 24 * 3600, "a session ends this long after sign-in"
    )
    metrics_allowed_networks: list[IPvAnyNetwork] = common(
        "METRICS_ALLOWED_NETWORKS",
        ["127.0.0.1/32", "::1/128"],
        "JSON list of the networks Prometheus scrapes /metrics from (never through a proxy)",
    )
    worker_metrics_port: int = common(
        "WORKER_METRICS_PORT", 0, "port a Celery worker serves /metrics on; 0: none"
    )
    otlp_endpoint: str = common(
        "OTEL_EXPORTER_OTLP_ENDPOINT",
        "",
        "OTLP/HTTP collector base URL (http://collector:4318) traces are exported to; "
        "empty: no tracing at all",
    )

    @property
    def session_idle(self) -> timedelta:
        return timedelta(seconds=self.session_idle_seconds)

    @property
    def session_lifetime(self) -> timedelta:
        return timedelta(seconds=self.session_absolute_seconds)

    @model_validator(mode="after")
    def distributed_mode_needs_real_backends(self) -> Self:
        if self.mode is RunMode.DISTRIBUTED:
            for field in ("mongo_url", "redis_url", "jwt_public_key", "service_token_public_key"):
                if not getattr(self, field):
                    raise ValueError(
                        f"{env_name(type(self), field)} is required in distributed mode"
                    )
        return self


SettingsT = TypeVar("SettingsT", bound=ServiceSettings)


def env_name(settings_class: type[BaseSettings], field: str) -> str:
    """The environment variable a field is read from."""
    info = settings_class.model_fields[field]
    if isinstance(info.validation_alias, AliasChoices):
        return str(info.validation_alias.choices[0])
    return (settings_class.model_config.get("env_prefix", "") + field).upper()


def env_names(settings_class: type[BaseSettings]) -> set[str]:
    return {env_name(settings_class, field) for field in settings_class.model_fields}


def load_settings(settings_class: type[SettingsT]) -> SettingsT:
    """Read the settings, or stop the process with one line naming the bad variable."""
    try:
        return settings_class()
    except ValidationError as error:
        sys.stderr.write(describe_settings_error(settings_class, error) + "\n")
        raise SystemExit(2) from None
    except SettingsError as error:
        sys.stderr.write(describe_unparsable_value(settings_class, error) + "\n")
        raise SystemExit(2) from None


def describe_unparsable_value(settings_class: type[BaseSettings], error: SettingsError) -> str:
    """A list or dict variable that is not JSON fails before validation, naming only the field."""
    field = re.search(r'field "(\w+)"', str(error))
    for candidate in nested_settings_classes(settings_class):
        if field and field.group(1) in candidate.model_fields:
            name = env_name(candidate, field.group(1))
            return f'configuration error: {name}: not valid JSON (write a list as ["a", "b"])'
    return f"configuration error: {error}"


def nested_settings_classes(settings_class: type[BaseSettings]) -> list[type[BaseSettings]]:
    """The class and every settings class it holds in a field (say, the queue switches)."""
    found = [settings_class]
    for info in settings_class.model_fields.values():
        if isinstance(info.annotation, type) and issubclass(info.annotation, BaseSettings):
            found += nested_settings_classes(info.annotation)
    return found


def variable_named(settings_class: type[BaseSettings], location: str) -> str:
    """The variable a validation error's location stands for: a field's name, or the
    variable itself for the fields every service reads under a fixed name."""
    if location in settings_class.model_fields:
        return env_name(settings_class, location)
    known = {name.upper() for name in env_names(settings_class)}
    return location.upper() if location.upper() in known else ""


def describe_settings_error(settings_class: type[BaseSettings], error: ValidationError) -> str:
    # A nested settings class fails on its own, under its own name.
    settings_class = next(
        (c for c in nested_settings_classes(settings_class) if c.__name__ == error.title),
        settings_class,
    )
    problems = []
    for item in error.errors():
        name = variable_named(settings_class, str(item["loc"][0])) if item["loc"] else ""
        message = item["msg"].removeprefix("Value error, ")
        problems.append(f"{name}: {message}" if name else message)
    return f"configuration error: {'; '.join(problems)}"
