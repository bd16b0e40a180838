"""Every provider the external API offers, in the order the dashboard lists them."""

from external_api.integrations.framework.provider import Provider

PROVIDERS: tuple[Provider, ...] = ()
