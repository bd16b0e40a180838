"""Fresh signing keys and secrets for distributed mode.

    .venv/bin/python -m scripts.keys >> .env            one file, for one host
    .venv/bin/python -m scripts.keys --compose          .env.d/<container>.env for compose

The router alone gets the user-token private key; every service gets the public halves; the
services that call others the service-token private key they sign those calls with; the
general socket the key it signs live-chat visitor tokens with; the external API and the queue
manager the key sealing provider tokens; internal_api and the queue manager the key sealing
webhook signing secrets, internal_api alone the key sealing users' TOTP secrets; the
notification service the secret signing unsubscribe links; internal_api and the router the
secret sealing cached session states; internal_api and the queue manager the secrets signing
documents' signing links, bookings' links and reports' share links. With `--compose` each
container's file holds only what it needs, and REDIS_PASSWORD (which compose hands to Redis and
to every service's REDIS_URL) is printed for .env.
"""

import argparse
import secrets
from pathlib import Path

from cryptography.fernet import Fernet

from shared.utilities.keys import generate_key_pair

COMPOSE_DIR = Path(".env.d")
EVERYONE = ("JWT_PUBLIC_KEY", "SERVICE_TOKEN_PUBLIC_KEY")
CALLS_OTHERS = ("SERVICE_TOKEN_PRIVATE_KEY",)
QUEUE = (
    *CALLS_OTHERS,
    "INTEGRATIONS_ENCRYPTION_KEYS",
    "WEBHOOK_ENCRYPTION_KEYS",
    "EDOCS_LINK_KEY",
    "BOOKING_LINK_SECRET",
    "REPORTS_LINK_KEY",
)
# Notifications calls the external API (push to FCM tokens).
NOTIFICATIONS = (*CALLS_OTHERS, "NOTIFICATIONS_UNSUBSCRIBE_SECRET")
# What each compose container holds beyond EVERYONE's public keys.
SECRETS_FOR: dict[str, tuple[str, ...]] = {
    "gateway": (),
    "router": ("ROUTER_JWT_PRIVATE_KEY", "SESSION_STATE_KEY"),
    "internal_api": (
        *CALLS_OTHERS,
        "SESSION_STATE_KEY",
        "WEBHOOK_ENCRYPTION_KEYS",
        "INTERNAL_API_TWO_FACTOR_ENCRYPTION_KEYS",
        "INTERNAL_API_FORM_ENCRYPTION_KEYS",
        "INTERNAL_API_PUBLIC_STAMP_KEY",
        "EDOCS_LINK_KEY",
        "BOOKING_LINK_SECRET",
        "REPORTS_LINK_KEY",
    ),
    "external_api": ("INTEGRATIONS_ENCRYPTION_KEYS",),
    "callrail_recordings": (),
    "currency": (),
    "yext_publishers": (),
    "yext_publishers_logo": (),
    "notifications": NOTIFICATIONS,
    "notifications_worker": NOTIFICATIONS,
    "google_maps": (),
    "ai_service": (),
    "general_socket": ("GENERAL_SOCKET_VISITOR_TOKEN_PRIVATE_KEY",),
    "conversation_socket": (),
    "queue_manager": QUEUE,
    "worker": QUEUE,
    "beat": QUEUE,
    "proxy_server": (),
}


def env_line(name: str, value: str) -> str:
    """One line per variable: a PEM's line breaks written as \\n, which the settings undo."""
    one_line = value.strip().replace("\n", "\\n")
    return f'{name}="{one_line}"' if "\n" in value.strip() else f"{name}={one_line}"


def fresh_secrets() -> dict[str, str]:
    user_private, user_public = generate_key_pair()
    service_private, service_public = generate_key_pair()
    return {
        "ROUTER_JWT_PRIVATE_KEY": user_private,
        "JWT_PUBLIC_KEY": user_public,
        "SERVICE_TOKEN_PRIVATE_KEY": service_private,
        "SERVICE_TOKEN_PUBLIC_KEY": service_public,
        "GENERAL_SOCKET_VISITOR_TOKEN_PRIVATE_KEY": generate_key_pair()[0],
        "INTEGRATIONS_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "WEBHOOK_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "INTERNAL_API_TWO_FACTOR_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "INTERNAL_API_FORM_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "NOTIFICATIONS_UNSUBSCRIBE_SECRET": secrets.token_urlsafe(32),
        "SESSION_STATE_KEY": secrets.token_urlsafe(32),
        "INTERNAL_API_PUBLIC_STAMP_KEY": secrets.token_urlsafe(32),
        "EDOCS_LINK_KEY": secrets.token_urlsafe(32),
        "BOOKING_LINK_SECRET": secrets.token_urlsafe(32),
        "REPORTS_LINK_KEY": secrets.token_urlsafe(32),
    }


def write_compose_files(values: dict[str, str], directory: Path = COMPOSE_DIR) -> None:
    directory.mkdir(exist_ok=True)
    for container, names in SECRETS_FOR.items():
        path = directory / f"{container}.env"
        path.write_text(
            "".join(env_line(name, values[name]) + "\n" for name in (*EVERYONE, *names))
        )
        path.chmod(0o600)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compose", action="store_true", help="write .env.d/<container>.env")
    args = parser.parse_args(argv)
    values = fresh_secrets()
    if args.compose:
        write_compose_files(values)
        print(f"REDIS_PASSWORD={secrets.token_urlsafe(32)}")
        return
    for name, value in values.items():
        print(env_line(name, value))


if __name__ == "__main__":
    main()
