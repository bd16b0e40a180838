"""Where a short link may lead (public hosts only, judged as written) and the URL it sends to
(the destination with its UTM parameters)."""

import pytest

from internal_api.settings import InternalApiSettings
from internal_api.url_shortener.destinations import host_refused, platform_hosts, with_utm
from shared.models.short_link import UtmParameters

PLATFORM = frozenset({"currency.platform.example", "127.0.0.1"})


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "127.8.9.10",
        "[::1]",
        "10.0.0.1",
        "172.16.4.2",
        "192.168.1.1",
        "169.254.169.254",  # cloud metadata
        "[fe80::1]",
        "[::ffff:10.0.0.1]",  # an IPv4 address inside an IPv6 one
        "100.64.0.1",  # carrier-grade NAT
        "0.0.0.0",
        "localhost",
        "localhost.",
        "api.localhost",
        "printer.local",
        "metadata.google.internal",
        "internal_api",  # a compose service's name: a single label
        "currency.platform.example",
        "eu.currency.platform.example",
    ],
)
def test_hosts_inside_the_network_are_refused(host):
    assert host_refused(host, PLATFORM)


@pytest.mark.parametrize(
    "host", ["shop.example.com", "93.184.215.14", "[2606:2800:21f:cb07:6820:80da:af6b:8b2c]"]
)
def test_public_hosts_are_taken(host):
    assert not host_refused(host, PLATFORM)


def test_the_platform_hosts_are_those_of_the_service_urls_and_the_listed_ones():
    settings = InternalApiSettings(
        short_url_base="https://go.agency.example/",
        currency_url="http://currency:5005",
        redis_url="redis://cache.internal.example:6379/0",
        mongo_url="mongodb://user:secret@db1.example:27017,DB2.example:27017/platform",
        short_link_refused_hosts=["Admin.Agency.example"],
    )

    assert platform_hosts(settings) == {
        "go.agency.example",
        "currency",
        "cache.internal.example",
        "db1.example",
        "db2.example",
        "admin.agency.example",
    }


def test_utm_parameters_follow_the_destinations_own_query():
    utm = UtmParameters(source="newsletter", medium="email", campaign="spring sale")

    target = with_utm("https://shop.example.com/spring?ref=home&q=a%20b#top", utm)

    assert target == (
        "https://shop.example.com/spring?ref=home&q=a%20b"
        "&utm_source=newsletter&utm_medium=email&utm_campaign=spring%20sale#top"
    )


def test_a_destination_without_a_query_gets_one():
    target = with_utm("https://shop.example.com/", UtmParameters(source="flyer"))

    assert target == "https://shop.example.com/?utm_source=flyer"


def test_a_utm_parameter_the_destination_has_is_replaced_and_the_others_kept():
    destination = "https://shop.example.com/?utm_source=old&utm_term=shoes&page=2"

    target = with_utm(destination, UtmParameters(source="qr", content="poster/a&b"))

    assert target == (
        "https://shop.example.com/?utm_term=shoes&page=2&utm_source=qr&utm_content=poster%2Fa%26b"
    )


def test_no_utm_parameters_leave_the_destination_as_it_is():
    destination = "https://shop.example.com/?a=1&a=2"

    assert with_utm(destination, UtmParameters()) == destination
