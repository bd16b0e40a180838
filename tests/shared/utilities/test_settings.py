"""Settings: variables from the environment, one clear line for a bad one."""

import subprocess
import sys

import pytest

from queue_manager.settings import QueueManagerSettings
from router.settings import RouterSettings
from shared.utilities.settings import ServiceSettings, env_name, load_settings


def test_a_service_variable_carries_the_service_prefix():
    assert env_name(RouterSettings, "port") == "ROUTER_PORT"


def test_a_common_variable_has_the_same_name_in_every_service():
    assert env_name(RouterSettings, "mongo_url") == "MONGO_URL"


def test_the_environment_overrides_a_default(monkeypatch):
    monkeypatch.setenv("ROUTER_PORT", "7001")

    assert RouterSettings().port == 7001


def test_a_malformed_variable_stops_with_one_line_naming_it(monkeypatch, capsys):
    monkeypatch.setenv("ROUTER_PORT", "not-a-port")

    with pytest.raises(SystemExit) as stopped:
        load_settings(RouterSettings)

    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert error.startswith("configuration error: ROUTER_PORT: ")


def test_distributed_mode_requires_mongo_url(monkeypatch, capsys):
    monkeypatch.setenv("PLATFORM_MODE", "distributed")
    monkeypatch.setenv("MONGO_URL", "")

    with pytest.raises(SystemExit):
        load_settings(ServiceSettings)

    assert "MONGO_URL is required in distributed mode" in capsys.readouterr().err


def test_a_service_started_with_a_bad_variable_exits_naming_it():
    result = subprocess.run(
        [sys.executable, "-m", "misc.currency"],
        env={"CURRENCY_PORT": "99999", "PATH": ""},
        capture_output=True,
        text=True,
        timeout=30,
    )

    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "configuration error: CURRENCY_PORT: Input should be less than or equal to 65535"
    ]


def test_a_bad_nested_setting_is_named_by_its_own_variable(monkeypatch, capsys):
    monkeypatch.setenv("QM_CONTACTS", "maybe")

    with pytest.raises(SystemExit):
        load_settings(QueueManagerSettings)

    assert capsys.readouterr().err.startswith("configuration error: QM_CONTACTS: ")


def test_a_list_variable_that_is_not_json_is_named_with_how_to_write_it(monkeypatch, capsys):
    monkeypatch.setenv("WEBHOOK_ALLOWED_NETWORKS", "127.0.0.0/8")

    with pytest.raises(SystemExit):
        load_settings(QueueManagerSettings)

    assert capsys.readouterr().err.splitlines() == [
        'configuration error: WEBHOOK_ALLOWED_NETWORKS: not valid JSON (write a list as ["a", "b"])'
    ]


def test_a_pem_key_may_be_written_on_one_line(monkeypatch):
    monkeypatch.setenv(
        "JWT_PUBLIC_KEY", "-----BEGIN PUBLIC KEY-----\\nABC\\n-----END PUBLIC KEY-----"
    )

    assert ServiceSettings().jwt_public_key.splitlines() == [
        "-----BEGIN PUBLIC KEY-----",
        "ABC",
        "-----END PUBLIC KEY-----",
    ]


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("LOG_LEVEL", "loud"),
        ("PLATFORM_MODE", "clustered"),
        ("WEBHOOK_ALLOWED_NETWORKS", '["not-a-network"]'),
        ("DEFAULT_TIME_ZONE", "Mars/Olympus"),
        ("MAX_BODY_BYTES", "-1"),
    ],
)
def test_a_bad_common_variable_stops_with_one_line_naming_it(monkeypatch, capsys, variable, value):
    monkeypatch.setenv(variable, value)

    with pytest.raises(SystemExit) as stopped:
        load_settings(QueueManagerSettings)

    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert error.startswith(f"configuration error: {variable}: ")
