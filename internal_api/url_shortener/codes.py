"""A short link's code: a slug its maker chose, or one made up. Codes are lower case (they are
read off posters and typed back in any case) and unique across the platform."""

import secrets

# Lower case without the characters read for others (0 o, 1 l i): 31 symbols, so eight of
# them are ~40 bits, too many to find links by trying codes through the rate limits.
ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
GENERATED_LENGTH = 8
# 3 to 50 letters, digits, `-` and `_`, starting and ending with a letter or a digit.
SLUG_PATTERN = r"^[a-z0-9][a-z0-9_-]{1,48}[a-z0-9]$"

# Slugs kept for the platform: paths people would take for its own pages, and words that
# would make a link look like the platform speaking.
RESERVED_SLUGS = frozenset(
    {
        "about",
        "account",
        "admin",
        "api",
        "app",
        "assets",
        "auth",
        "billing",
        "dashboard",
        "docs",
        "download",
        "health",
        "help",
        "login",
        "logout",
        "password",
        "qr",
        "ready",
        "security",
        "settings",
        "signin",
        "signup",
        "static",
        "stats",
        "support",
        "v1",
        "verify",
        "www",
    }
)


def new_code() -> str:
    # No reserved slug is eight characters of the alphabet, so none is ever made up.
    return "".join(secrets.choice(ALPHABET) for _ in range(GENERATED_LENGTH))
