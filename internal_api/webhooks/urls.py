"""An endpoint's URL is checked where it is given: its host must resolve to public addresses
(or to networks WEBHOOK_ALLOWED_NETWORKS allows), and plain http is only for those allowed
networks (local receivers). The queue manager checks the address again at every delivery."""

from collections.abc import Sequence

from pydantic import HttpUrl

from internal_api.webhooks.errors import WebhookUrlRefused
from shared.utilities.addresses import IPNetwork, address_allowed, checked_addresses
from shared.utilities.errors import Forbidden, UpstreamError


def refused(field: str, message: str) -> WebhookUrlRefused:
    return WebhookUrlRefused(
        f"The webhook URL cannot be used: {message}.",
        details=[{"field": field, "message": message}],
    )


async def check_url(url: HttpUrl, allowed_networks: Sequence[IPNetwork], field: str) -> None:
    host = url.host or ""
    try:
        addresses = await checked_addresses(
            host.strip("[]"),
            url.port,  # the scheme's default when the URL names none
            allowed_networks=allowed_networks,
        )
    except Forbidden:
        raise refused(field, "it points to a private, loopback or link-local address") from None
    except UpstreamError:
        raise refused(field, f"{host} cannot be resolved") from None
    if url.scheme != "https" and any(address_allowed(address) for address in addresses):
        raise refused(field, "it must use https")
