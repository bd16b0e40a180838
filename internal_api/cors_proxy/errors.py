"""What the CORS proxy refuses, each case with its own code."""

from shared.utilities.errors import Forbidden, InvalidInput, UpstreamError


class InvalidResourceUrl(InvalidInput):
    """Not an http(s) URL on the default port, or one carrying credentials."""

    code, message = "cors_proxy_url_invalid", "Only http(s) URLs on their default port are fetched."


class HostNotAllowed(Forbidden):
    """The host is not on INTERNAL_API_CORS_PROXY_ALLOWED_HOSTS: the proxy is no open relay."""

    code, message = "cors_proxy_host_not_allowed", "The proxy does not fetch from this host."


class AddressNotAllowed(Forbidden):
    """The host resolves to a private, loopback or link-local address, which is never called."""

    code, message = (
        "cors_proxy_address_not_allowed",
        "The host resolves to an address inside the network.",
    )


class ProxyDisabled(Forbidden):
    """The platform's operators turned the proxy off for this account (`asset_proxy`)."""

    code, message = "feature_disabled", "The asset proxy is turned off for this account."


class ContentTypeNotAllowed(UpstreamError):
    code, message = (
        "cors_proxy_content_type_not_allowed",
        "The resource is not of a type the proxy answers.",
    )


class ResourceTooLarge(UpstreamError):
    code, message = "cors_proxy_too_large", "The resource is larger than the proxy answers."


class UpstreamRefused(UpstreamError):
    """The host answered something else than the resource (an error, too many redirects)."""

    code, message = "cors_proxy_upstream_error", "The host did not answer the resource."
