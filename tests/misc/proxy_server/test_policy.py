"""Where the proxy may connect: the allow-list, and loopback only when its settings allow it.
(Public addresses only: tests/shared/utilities/test_addresses.py.)"""

from misc.proxy_server.policy import allowed_networks
from misc.proxy_server.settings import ProxyServerSettings
from shared.utilities.addresses import LOOPBACK_NETWORKS, host_allowed


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


def test_loopback_is_reachable_only_when_the_settings_allow_it():
    assert allowed_networks(ProxyServerSettings(allow_loopback=False)) == ()
    assert allowed_networks(ProxyServerSettings(allow_loopback=True)) == LOOPBACK_NETWORKS
