"""The queue manager signs bookings' links in its reminders with BOOKING_LINK_SECRET: required
in distributed mode while its `booking_reminders` cron runs."""

import pytest
from pydantic import ValidationError

from queue_manager.settings import QueueManagerSettings
from queue_manager.switches import QueueSwitches
from tests.queue_manager.test_integration_settings import DISTRIBUTED


def test_distributed_mode_sending_reminders_without_the_secret_fails():
    with pytest.raises(ValidationError, match="BOOKING_LINK_SECRET is required"):
        QueueManagerSettings(**DISTRIBUTED, switches=QueueSwitches(booking_reminders=True))


def test_without_the_reminders_no_secret_is_needed():
    settings = QueueManagerSettings(**DISTRIBUTED, switches=QueueSwitches(booking_reminders=False))

    assert settings.booking_link_secret == ""
