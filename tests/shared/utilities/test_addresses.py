"""Outbound calls to URLs chosen by others reach public addresses only, checked after resolution."""

import ipaddress
import socket

import pytest

from shared.utilities.addresses import (
    LOOPBACK_NETWORKS,
    address_allowed,
    checked_addresses,
    system_resolver,
)
from shared.utilities.errors import Forbidden, UpstreamError


def resolving_to(*addresses: str):
    async def resolve(host: str, port: int) -> list[str]:
        return list(addresses)

    return resolve


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
        "198.18.0.1",
        "224.0.0.1",
        "255.255.255.255",
        "::",
        "::1",
        "fd00::1",
        "fe80::1",
        "ff02::1",
        "::ffff:10.1.2.3",
        "::ffff:169.254.169.254",
        "::ffff:127.0.0.1",
        "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254
        "2002:a00:1::1",  # 6to4 of 10.0.0.1
    ],
)
def test_an_address_inside_the_network_is_refused(address):
    assert not address_allowed(address)


@pytest.mark.parametrize("address", ["8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_an_internet_address_is_allowed(address):
    assert address_allowed(address)


@pytest.mark.parametrize("address", ["127.0.0.1", "::1", "::ffff:127.0.0.1"])
def test_loopback_is_reachable_only_when_its_networks_are_allowed(address):
    assert not address_allowed(address)
    assert address_allowed(address, LOOPBACK_NETWORKS)


def test_allowing_loopback_leaves_private_addresses_refused():
    assert not address_allowed("10.0.0.1", LOOPBACK_NETWORKS)
    assert not address_allowed("169.254.169.254", LOOPBACK_NETWORKS)


def test_an_allowed_private_network_is_reachable_and_its_neighbours_are_not():
    office = [ipaddress.ip_network("10.20.0.0/16")]

    assert address_allowed("10.20.3.4", office)
    assert not address_allowed("10.21.3.4", office)


async def test_a_name_resolving_to_allowed_addresses_gives_them_all():
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
