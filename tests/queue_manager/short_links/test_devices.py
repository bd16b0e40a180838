"""A click's device class and bot flag, from its user agent."""

import pytest

from queue_manager.short_links.devices import classify
from shared.models.short_link_click import DeviceClass

IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)
IPAD = (
    "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/16.6 Mobile/15E148 Safari/604.1"
)
ANDROID_PHONE = (
    "Mozilla/5.0 (Linux; Android 13; SM-S908B) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/112.0.0.0 Mobile Safari/537.36"
)
WINDOWS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Safari/537.36"
)
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
FACEBOOK_PREVIEW = "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"
SLACK_PREVIEW = "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)"


@pytest.mark.parametrize(
    ("user_agent", "device"),
    [
        (IPHONE, DeviceClass.MOBILE),
        (ANDROID_PHONE, DeviceClass.MOBILE),
        (IPAD, DeviceClass.TABLET),
        (WINDOWS, DeviceClass.DESKTOP),
    ],
    ids=["iphone", "android-phone", "ipad", "windows"],
)
def test_a_browsers_device_is_told(user_agent, device):
    assert classify(user_agent) == (device, False)


@pytest.mark.parametrize(
    "user_agent",
    [GOOGLEBOT, FACEBOOK_PREVIEW, SLACK_PREVIEW, "curl/8.4.0", "python-requests/2.32.3", ""],
    ids=["googlebot", "facebook-preview", "slack-preview", "curl", "python-requests", "none"],
)
def test_bots_and_clients_with_no_browser_are_bots(user_agent):
    assert classify(user_agent) == (DeviceClass.OTHER, True)
