"""Where a short link may lead, and the URL its redirect sends to.

A destination is a public web page: http or https (the schema refuses any other scheme,
`javascript:` and `data:` among them) on a host outside the platform's network. The host is
judged as written, not resolved: a visitor's browser follows the link, not the platform, and
what must never happen is a branded link aiming people at an address that only means something
inside a network: loopback, private and link-local ranges, single-label names (`localhost`,
compose's `internal_api`), internal suffixes, and the hosts of the platform's own services.
"""

import ipaddress
from collections.abc import Iterable, Mapping
from urllib.parse import quote, unquote_plus, urlencode, urlsplit, urlunsplit

from pydantic import HttpUrl

from internal_api.settings import InternalApiSettings
from internal_api.url_shortener.errors import DestinationRefused
from shared.models.short_link import ShortLink, UtmParameters
from shared.utilities.addresses import address_allowed

# Names that resolve only inside a network (RFC 6761, 6762, 8375, and common practice).
INTERNAL_SUFFIXES = (".localhost", ".local", ".internal", ".home.arpa", ".lan", ".intranet")


def url_hosts(url: str) -> list[str]:
    """The hosts a service URL names; a MongoDB URL may name several (`h1:27017,h2:27017`)."""
    netloc = urlsplit(url).netloc.rpartition("@")[2]
    return [host for address in netloc.split(",") if (host := urlsplit(f"//{address}").hostname)]


def platform_hosts(settings: InternalApiSettings) -> frozenset[str]:
    """The hosts of the platform's own services, as this service's settings name them, and the
    short URLs' own host (a link to a short link would only loop)."""
    urls = [settings.short_url_base, settings.currency_url, settings.redis_url, settings.mongo_url]
    hosts = [host for url in urls if url for host in url_hosts(url)]
    return frozenset(hosts + [host.lower() for host in settings.short_link_refused_hosts])


def host_refused(host: str, platform: Iterable[str]) -> bool:
    host = host.strip("[]").rstrip(".").lower()
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        return not address_allowed(host)
    if "." not in host or host.endswith(INTERNAL_SUFFIXES):
        return True
    return any(host == refused or host.endswith(f".{refused}") for refused in platform)


def check_destination(url: HttpUrl, platform: Iterable[str], field: str) -> None:
    if host_refused(url.host or "", platform):
        raise DestinationRefused(
            details=[{"field": field, "message": "must lead to a public host"}]
        )


def with_utm(destination: str, utm: UtmParameters) -> str:
    """The destination with `utm_<name>=<value>` for each parameter given."""
    return with_parameters(
        destination, {f"utm_{name}": value for name, value in utm.model_dump().items() if value}
    )


def redirect_target(link: ShortLink) -> str:
    """Where the link's redirect sends: its target, with its code when it passes it on."""
    return (
        with_parameters(link.target, {"short_link": link.code}) if link.pass_code else link.target
    )


def with_parameters(destination: str, added: Mapping[str, str]) -> str:
    """The destination with the `added` query parameters after the rest of its query (kept as
    written), replacing any of the same name it had."""
    if not added:
        return destination
    parts = urlsplit(destination)
    kept = [
        pair
        for pair in parts.query.split("&")
        if pair and unquote_plus(pair.partition("=")[0]) not in added
    ]
    query = "&".join([*kept, urlencode(added, quote_via=quote)])
    return urlunsplit(parts._replace(query=query))
