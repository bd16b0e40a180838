""".env.sample lists every variable the platform reads, each under a comment, and nothing else."""

import ast
import json
import re
from collections.abc import Iterator
from pathlib import Path

from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings

from queue_manager.settings import QueueManagerSettings
from scripts.services import SERVICES
from shared.utilities.settings import env_name

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_LINES = (ROOT / ".env.sample").read_text().splitlines()
ENTRY = re.compile(r"([A-Z][A-Z0-9_]*)=")

# The switches of the queues and crons built so far, one each (a feature adds its own).
QM_SWITCHES = {
    "QM_CONTACTS",
    "QM_CONTACTS_EXPORT",
    "QM_CONTACTS_EXPORT_CLEANUP",
    "QM_HOOKS",
    "QM_WEBHOOK",
    "QM_INTEGRATIONS",
    "QM_TRIGGERS",
    "QM_TRIGGERS_SWEEP",
    "QM_TASK_RUNS_CLEANUP",
    "QM_WEBHOOK_RETRIES",
    "QM_ACCOUNTS_PURGE",
    "QM_CHECK_ACCOUNT_ACTIVE",
    "QM_SHORT_LINK_CLICKS",
    "QM_SCHEDULE_UTILIZATION_MONITORING",
    "QM_EDOCS",
    "QM_PROJECTS",
    "QM_BOOKING_REMINDERS",
    "QM_SUPPORT_SNOOZE",
    "QM_SUPPORT_MESSAGE_STATUS",
    "QM_SUPPORT_NOTIFICATION",
    "QM_SUPPORT_COMMUNICATION_CHECK",
    "QM_SUBSCRIPTION_ACTIVATE",
    "QM_SUBSCRIPTION_CANCEL",
    "QM_SUBSCRIPTION_PENDING_SUBACCOUNT_CHARGE",
    "QM_SUBSCRIPTION_CHARGE_MAINACCOUNT",
    "QM_BILLING_NEW_AUTH",
    "QM_BILLING_CONTACTS",
    "QM_VERIFY_STRIPE_DOMAINS",
    "QM_LIGHTNING_DOMAIN_VALIDATION",
    "QM_LIGHTNING_DOMAIN_RENEWAL",
    "QM_SITE_UPDATE_BUSINESS",
    "QM_INSTASITES_BUILD",
    "QM_INSTASITES_PURGE",
    "QM_CRM_SYNC",
    "QM_CRM_SYNC_POLL",
    "QM_LEAD_FINDER",
    "QM_BEAMER",
}


def sample_entries() -> dict[str, int]:
    """Each variable the sample sets, with its line index."""
    return {
        match[1]: index for index, line in enumerate(SAMPLE_LINES) if (match := ENTRY.match(line))
    }


def settings_fields(settings_class: type[BaseSettings]) -> Iterator[tuple[str, FieldInfo]]:
    """The variables a settings class reads, each with its field; a nested settings class
    reads its own variables."""
    for field, info in settings_class.model_fields.items():
        if isinstance(info.annotation, type) and issubclass(info.annotation, BaseSettings):
            yield from settings_fields(info.annotation)
        else:
            yield env_name(settings_class, field), info


def settings_variables(settings_class: type[BaseSettings]) -> set[str]:
    return {name for name, _ in settings_fields(settings_class)}


def every_settings_variable() -> set[str]:
    return set().union(*(settings_variables(service.settings_class()) for service in SERVICES))


def environ_reads(source: str) -> set[str]:
    """Literal names read through os.environ[...], os.environ.get(...) or os.getenv(...)."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.ctx, ast.Load)  # a write sets a variable, it reads none
            and ast.unparse(node.value) == "os.environ"
        ):
            name = node.slice
        elif (
            isinstance(node, ast.Call)
            and node.args
            and ast.unparse(node.func) in {"os.environ.get", "os.getenv"}
        ):
            name = node.args[0]
        else:
            continue
        if isinstance(name, ast.Constant) and isinstance(name.value, str):
            names.add(name.value)
    return names


def every_environ_read() -> set[str]:
    """What service and shared code reads from the environment outside its settings classes."""
    folders = [ROOT / service.folder for service in SERVICES] + [ROOT / "shared"]
    return set().union(
        *(
            environ_reads(path.read_text())
            for folder in folders
            for path in folder.rglob("*.py")
            if not {"tests", ".venv"} & set(path.relative_to(ROOT).parts)
        )
    )


def test_every_settings_variable_is_in_the_sample():
    assert every_settings_variable() - sample_entries().keys() == set()


def test_every_variable_read_from_os_environ_is_in_the_sample():
    assert every_environ_read() - sample_entries().keys() == set()


def test_environ_reads_are_found_in_each_form():
    # Nothing reads os.environ directly today, so the finder itself must be shown to work.
    source = 'os.environ["A"]\nos.environ.get("B")\nos.getenv("C", "")\nos.environ["D"] = "x"'

    assert environ_reads(source) == {"A", "B", "C"}


def test_the_sample_lists_no_variable_nothing_reads():
    read = every_settings_variable() | every_environ_read()

    assert sample_entries().keys() - read == set()


def test_every_sample_entry_has_a_comment_line_above_it():
    # A group header (`# --- service ---`) is not a description of the variable under it.
    undescribed = [
        name
        for name, index in sample_entries().items()
        if index == 0
        or not SAMPLE_LINES[index - 1].startswith("# ")
        or SAMPLE_LINES[index - 1].startswith("# ---")
    ]

    assert undescribed == []


def test_the_queue_manager_reads_the_switch_of_every_queue_built():
    assert QM_SWITCHES - settings_variables(QueueManagerSettings) == set()


def test_a_switch_set_to_false_is_off(monkeypatch):
    monkeypatch.setenv("QM_CONTACTS", "false")

    assert QueueManagerSettings().switches.contacts is False


def test_every_list_in_the_sample_is_its_settings_default():
    """A list copied into `.env` replaces the default whole: one left behind by a feature that
    added an entry (a public route, an allowed host) would switch that feature off."""
    defaults = {
        name: info.get_default(call_default_factory=True)
        for service in SERVICES
        for name, info in settings_fields(service.settings_class())
    }
    lists = {
        name: json.loads(line.split("=", 1)[1])
        for name, index in sample_entries().items()
        if (line := SAMPLE_LINES[index]).split("=", 1)[1].startswith("[")
    }

    assert lists, "the sample sets lists"
    assert {name: value for name, value in lists.items() if value != defaults[name]} == {}
