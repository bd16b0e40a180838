"""What a click's user agent tells: its device class, and whether a bot made it.

Bots are told by crawlerdetect (the CrawlerDetect project's list of thousands of crawlers,
link expanders, monitors and HTTP libraries), then by ua-parser's rules through user-agents,
which also tell the device. A request with no user agent is no person's browser: a bot. Clicks
repeat user agents, so each is read once per process (an LRU of them).
"""

from functools import lru_cache

import user_agents
from crawlerdetect import CrawlerDetect

from shared.models.short_link_click import DeviceClass

# Its patterns are compiled once; a check keeps no state between user agents.
crawlers = CrawlerDetect()


@lru_cache(maxsize=4096)
def classify(user_agent: str) -> tuple[DeviceClass, bool]:
    """(device class, whether it is a bot)."""
    if not user_agent.strip() or crawlers.isCrawler(user_agent):
        return DeviceClass.OTHER, True
    parsed = user_agents.parse(user_agent)
    if parsed.is_bot:
        return DeviceClass.OTHER, True
    if parsed.is_tablet:
        return DeviceClass.TABLET, False
    if parsed.is_mobile:
        return DeviceClass.MOBILE, False
    if parsed.is_pc:
        return DeviceClass.DESKTOP, False
    return DeviceClass.OTHER, False
