"""The QM_* switches: off unless switched on (utilisation monitoring aside), all on in embedded
mode unless set, and each one with a task or a cron behind it."""

from queue_manager.celery import app
from queue_manager.layout import CRONS, switch_names
from queue_manager.settings import QueueManagerSettings
from queue_manager.switches import QueueSwitches
from shared.utilities.settings import RunMode
from shared.utilities.tasks import queue_of


def test_every_switch_is_off_by_default_but_utilization_monitoring(monkeypatch):
    for name in switch_names():
        monkeypatch.delenv(f"QM_{name.upper()}", raising=False)

    switches = QueueSwitches(_env_file=None)

    assert [name for name in switch_names() if getattr(switches, name)] == [
        "schedule_utilization_monitoring"
    ]


def test_embedded_mode_switches_on_every_switch_it_is_not_told_about():
    settings = QueueManagerSettings(mode=RunMode.EMBEDDED, switches=QueueSwitches(_env_file=None))

    assert all(getattr(settings.switches, name) for name in switch_names())


def test_a_switch_set_off_stays_off_in_embedded_mode():
    switches = QueueSwitches(_env_file=None, webhook=False)

    settings = QueueManagerSettings(mode=RunMode.EMBEDDED, switches=switches)

    assert settings.switches.webhook is False
    assert settings.switches.hooks is True


def test_every_switch_has_a_task_or_a_cron_behind_it():
    app.loader.import_default_modules()
    queues_with_tasks = {queue_of(name) for name in app.tasks if not name.startswith("celery.")}

    bare = set(switch_names()) - queues_with_tasks

    assert bare == set()
    assert set(CRONS) <= queues_with_tasks
