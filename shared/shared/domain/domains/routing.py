"""Which site or funnel a request's Host is for: the verified custom domain of that hostname.

Only a verified domain routes: a pending one (which any account may hold) never serves anything.
One indexed read (the unique `verified_hostname`), so it is not cached: a domain removed or moved
to another target is served that way at once.
"""

from shared.domain.domains import repository
from shared.models.custom_domain import CustomDomain


def normalised_hostname(host: str) -> str:
    """`App.Acme.com.:443` -> `app.acme.com`: a Host header's name in the form domains are kept."""
    name = host.strip()
    if name.startswith("["):  # an IPv6 literal is no custom domain
        return ""
    return name.rsplit(":", 1)[0].rstrip(".").lower() if ":" in name else name.rstrip(".").lower()


async def verified_target(hostname: str) -> CustomDomain | None:
    """The verified domain of `hostname` (a Host header is accepted as is), or None."""
    name = normalised_hostname(hostname)
    if not name:
        return None
    return await repository.verified(name)
