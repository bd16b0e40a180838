"""Print fresh signing keys for distributed mode, as .env lines:

    .venv/bin/python -m scripts.keys >> .env

The router alone gets the user-token private key; every service gets the public halves and the
service-token pair it signs its calls to other services with; the general socket gets the key
it signs live-chat visitor tokens with; the external API and the queue manager the key sealing
provider tokens; internal_api and the queue manager the key sealing webhook signing secrets;
the notification service the secret signing unsubscribe links; internal_api and the router the
secret sealing cached session states.
"""

import secrets

from cryptography.fernet import Fernet

from shared.utilities.keys import generate_key_pair


def env_line(name: str, pem: str) -> str:
    """One line per variable: the PEM's line breaks written as \\n, which the settings undo."""
    one_line = pem.strip().replace("\n", "\\n")
    return f'{name}="{one_line}"'


def main() -> None:
    user_private, user_public = generate_key_pair()
    service_private, service_public = generate_key_pair()
    print(env_line("ROUTER_JWT_PRIVATE_KEY", user_private))
    print(env_line("JWT_PUBLIC_KEY", user_public))
    print(env_line("SERVICE_TOKEN_PRIVATE_KEY", service_private))
    print(env_line("SERVICE_TOKEN_PUBLIC_KEY", service_public))
    # The general socket alone signs and verifies live-chat visitor tokens.
    print(env_line("GENERAL_SOCKET_VISITOR_TOKEN_PRIVATE_KEY", generate_key_pair()[0]))
    # The external API seals provider tokens with it; the queue manager opens them.
    print(f"INTEGRATIONS_ENCRYPTION_KEYS={Fernet.generate_key().decode()}")
    # internal_api seals webhook signing secrets with it; the queue manager opens them.
    print(f"WEBHOOK_ENCRYPTION_KEYS={Fernet.generate_key().decode()}")
    # internal_api and the router seal the session states cached in Redis with it.
    print(f"SESSION_STATE_KEY={secrets.token_urlsafe(32)}")
    # The notification service signs unsubscribe links with it.
    print(f"NOTIFICATIONS_UNSUBSCRIBE_SECRET={secrets.token_urlsafe(32)}")


if __name__ == "__main__":
    main()
