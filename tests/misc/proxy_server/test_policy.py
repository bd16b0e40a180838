"""Where the proxy may connect: the allow-list, and public addresses only after resolution."""

import socket

import pytest

from misc.proxy_server.policy import (
    address_allowed,
    checked_addresses,
    host_allowed,
    system_resolver,
)
from shared.utilities.errors import Forbidden, UpstreamError


def resolving_to(*addresses: str):
    async def resolve(host: str, port: int) -> list[str]:
        return list(addresses)

    return resolve


def test_an_exact_name_matches_only_itself():
    assert host_allowed("api.stripe.com", ["api.stripe.com"])
    assert not host_allowed("files.stripe.com", ["api.stripe.com"])
    assert not host_allowed("api.stripe.com.evil.test", ["api.stripe.com"])


def test_a_wildcard_matches_sub_domains_at_any_depth_but_not_the_domain_itself():
    allowed = ["*.yext.com"]

    assert host_allowed("api.yext.com", allowed)
    assert host_allowed("eu.api.yext.com", allowed)
    assert not host_allowed("yext.com", allowed)
    assert not host_allowed("notyext.com", allowed)


def test_names_match_whatever_their_case_and_trailing_dot():
    assert host_allowed("API.Stripe.COM.", ["api.stripe.com"])


@pytest.mark.parametrize(
    "address",
    [
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "127.0.0.1",
        "127.8.9.10",
        "169.254.169.254",
        "0.0.0.0",
        "100.64.0.1",
        "224.0.0.1",
        "255.255.255.255",
        "::",
        "::1",
        "fd00::1",
        "fe80::1",
        "::ffff:10.1.2.3",
        "::ffff:169.254.169.254",
        "::ffff:127.0.0.1",
    ],
)
def test_an_address_inside_the_network_is_not_public(address):
    assert not address_allowed(address)


@pytest.mark.parametrize("address", ["8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_an_internet_address_address_allowed(address):
    assert address_allowed(address)


@pytest.mark.parametrize("address", ["127.0.0.1", "::1", "::ffff:127.0.0.1"])
def test_loopback_is_reachable_only_when_allowed(address):
    assert not address_allowed(address, allow_loopback=False)
    assert address_allowed(address, allow_loopback=True)


def test_allowing_loopback_leaves_private_addresses_refused():
    assert not address_allowed("10.0.0.1", allow_loopback=True)
    assert not address_allowed("169.254.169.254", allow_loopback=True)


async def test_a_name_resolving_to_checked_addresses_gives_them_all():
    addresses = await checked_addresses("api.stripe.com", 443, resolving_to("8.8.8.8", "1.1.1.1"))

    assert addresses == ["8.8.8.8", "1.1.1.1"]


async def test_a_name_with_one_private_address_among_public_ones_is_refused():
    with pytest.raises(Forbidden):
        await checked_addresses("api.stripe.com", 443, resolving_to("8.8.8.8", "10.0.0.1"))


async def test_a_name_that_cannot_be_resolved_is_an_upstream_error():
    async def failing(host: str, port: int) -> list[str]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    with pytest.raises(UpstreamError):
        await checked_addresses("nowhere.invalid", 443, failing)


async def test_the_system_resolver_gives_an_address_literal_back():
    assert await system_resolver("127.0.0.1", 80) == ["127.0.0.1"]
