from typing import ClassVar, Self

from pydantic import Field, PositiveInt, model_validator
from pydantic_settings import SettingsConfigDict

from router.ratelimit import Limits, parse_limits
from shared.utilities.settings import PemKey, Port, RunMode, ServiceSettings


def local(port: int) -> str:
    return f"http://127.0.0.1:{port}"


class RouterSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="ROUTER_")

    service_name: ClassVar[str] = "router"
    port: Port = 5001
    max_proxied_body_bytes: PositiveInt = Field(
        100 * 1024 * 1024,
        description="largest body passed on to a service (each service bounds its own routes)",
    )

    # Upstreams, by the path prefix they serve (see router.routing); a comma-separated list
    # names a service's replicas, which requests take in turn (shared.utilities.replicas).
    internal_api_url: str = local(5002)
    external_api_url: str = local(5003)
    callrail_recordings_url: str = local(5004)
    currency_url: str = local(5005)
    yext_publishers_url: str = local(5006)
    yext_publishers_logo_url: str = local(5007)
    notifications_url: str = local(5008)
    google_maps_url: str = local(5009)
    ai_service_url: str = local(5010)
    # The socket services, at /sockets/general/ and /sockets/conversation/ (router.sockets).
    general_socket_url: str = local(4000)
    conversation_socket_url: str = local(6001)
    replica_down_seconds: float = Field(
        5,
        gt=0,
        le=300,
        description="a replica whose connection failed gets no request for this long",
    )
    connect_timeout_seconds: float = Field(5, gt=0, description="to open an upstream connection")
    read_timeout_seconds: float = Field(
        60, gt=0, description="an upstream may be silent this long before we answer 504"
    )
    admission_timeout_seconds: float = Field(
        5, gt=0, description="the session lookup and rate-limit count may take this long: 503"
    )

    jwt_private_key: PemKey = Field(
        "", description="PEM Ed25519 key signing user tokens; empty: development key"
    )
    token_lifetime_seconds: int = Field(300, ge=30, le=300)

    # "METHOD /path" or "/path" (any method); `*` is one path segment, a final `*` the rest.
    # Each must be served by a route of the service it reaches (tests/router/test_routing.py).
    public_routes: list[str] = [
        "POST /v1/auth/signup",
        "POST /v1/auth/login",
        # A login's second step: its challenge stands for the session it will start.
        "POST /v1/auth/login/two-factor",
        "POST /v1/auth/login/two-factor/enrolment",
        "POST /v1/auth/login/two-factor/enrolment/confirm",
        "POST /v1/auth/invitations/accept",
        # Links mailed to users, followed from the mail without a session.
        "POST /v1/auth/password-reset",
        "POST /v1/auth/password-reset/confirm",
        "POST /v1/auth/email/confirm",
        "/v1/e/*/webhooks/*",
        # Files on Wasabi: a public one for anyone, a private one for its account's session.
        "GET /v1/e/wasabi/public/*",
        # Providers report delivery status; recipients follow unsubscribe links from email.
        "POST /v1/notifications/webhooks/*",
        "/v1/notifications/unsubscribe/*",
        # Public forms, from any website: no method, so their CORS preflights (OPTIONS) pass.
        "/v1/forms/public/*",
        # Short links, followed by anyone from anywhere.
        "GET /v1/s/*",
        # A document's signers, from the link emailed to them.
        "/v1/edocs/public/sign/*",
        # Booking pages and the links invitees manage their bookings with, from any website.
        "/v1/scheduling/public/*",
        # Third-party apps: the OAuth token and revocation endpoints (the app authenticates
        # itself there) and the authorization server's metadata.
        "POST /v1/oauth/token",
        "POST /v1/oauth/revoke",
        "GET /.well-known/oauth-authorization-server",
        # A consumer paying through a sub-account's checkout link, from its website.
        "POST /v1/store/public/checkout/*",
        # Hosted pages, their entry redirects and thumbnails, by path or (from the gateway) by
        # the custom domain asked for.
        "GET /v1/public/pages/*",
        # A location's review page, from a review request's short link.
        "/v1/reviews/public/*",
        # A partner programme's sign-up page and its affiliates' referral links.
        "/v1/affiliates/public/*",
        # A client report's share link, sent to its readers.
        "GET /v1/reports/public/*",
        # An InstaReport's link, sent to the prospect.
        "GET /v1/instareports/public/*",
    ]

    rate_limit_per_account: Limits = parse_limits("100/second, 3000/minute, 500000/day")
    rate_limit_per_session: Limits = parse_limits("50/second, 1500/minute, 200000/day")
    rate_limit_per_ip: Limits = parse_limits("50/second, 1500/minute, 200000/day")
    # An OAuth app's calls, across every account it is installed on (router.bearer).
    rate_limit_per_app: Limits = parse_limits("100/second, 3000/minute, 1000000/day")
    bearer_cache_seconds: float = Field(
        2,
        ge=0,
        le=30,
        description="how long a router serves an access token or API key it has "
        "read (a revocation holds within it); 0: read Redis every request",
    )

    @model_validator(mode="after")
    def distributed_mode_needs_its_keys(self) -> Self:
        if self.mode is RunMode.DISTRIBUTED and not self.jwt_private_key:
            raise ValueError("ROUTER_JWT_PRIVATE_KEY is required in distributed mode")
        if self.mode is RunMode.DISTRIBUTED and not self.session_state_key:
            raise ValueError("SESSION_STATE_KEY is required in distributed mode")
        return self
