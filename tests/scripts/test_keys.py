"""scripts/keys prints a working key set for distributed mode."""

import subprocess
import sys

from dotenv import dotenv_values

from external_api.settings import ExternalApiSettings
from general_socket.live_chat.tokens import Visitor, VisitorTokens
from general_socket.settings import GeneralSocketSettings
from internal_api.settings import InternalApiSettings
from notifications.settings import NotificationsSettings, random_key
from queue_manager.settings import QueueManagerSettings
from router.settings import RouterSettings
from scripts import keys
from shared.domain.reports.sharing import link_key
from shared.utilities.auth import Principal, TokenKind, TokenSigner, TokenVerifier
from shared.utilities.encryption import configured_box
from tests.scripts.supervised import ROOT

DISTRIBUTED_BACKENDS = {"mongo_url": "mongodb://mongo:27017", "redis_url": "redis://redis:6379"}


def load_printed_keys(tmp_path, monkeypatch) -> str:
    """What the script prints, read back into the environment as an .env file would be."""
    printed = subprocess.run(
        [sys.executable, "-m", "scripts.keys"], cwd=ROOT, capture_output=True, text=True
    ).stdout
    (tmp_path / ".env").write_text(printed)
    for name, value in dotenv_values(tmp_path / ".env").items():
        monkeypatch.setenv(name, value)
    return printed


def test_the_printed_keys_sign_and_verify_once_read_back_as_settings(tmp_path, monkeypatch):
    printed = load_printed_keys(tmp_path, monkeypatch)

    settings = RouterSettings()
    signer = TokenSigner(settings.jwt_private_key, "issuer", "audience", 60)
    token, _ = signer.sign(Principal(kind=TokenKind.USER, sub="user-1"))

    assert (
        TokenVerifier(settings.jwt_public_key, "issuer", "audience").verify(token).sub == "user-1"
    )
    assert len(printed.splitlines()) == 15


def test_the_printed_visitor_key_signs_and_verifies_visitor_tokens(tmp_path, monkeypatch):
    load_printed_keys(tmp_path, monkeypatch)

    tokens = VisitorTokens.for_settings(GeneralSocketSettings())
    visitor = Visitor.new(account_id="a1", widget_id="w1")

    assert tokens.verify(tokens.issue(visitor)["visitor_token"]) == visitor


def test_the_printed_integrations_key_seals_and_opens(tmp_path, monkeypatch):
    load_printed_keys(tmp_path, monkeypatch)

    settings = ExternalApiSettings(mode="distributed", **DISTRIBUTED_BACKENDS)
    box = configured_box(settings.encryption_keys, settings.mode)

    assert box.open(box.seal("token")) == "token"


def test_the_printed_webhook_key_seals_in_internal_api_and_opens_in_the_queue_manager(
    tmp_path, monkeypatch
):
    load_printed_keys(tmp_path, monkeypatch)
    sealing = InternalApiSettings(mode="distributed", **DISTRIBUTED_BACKENDS)
    opening = QueueManagerSettings(mode="distributed", **DISTRIBUTED_BACKENDS)

    sealed = configured_box(sealing.webhook_encryption_keys, sealing.mode).seal("whsec_1")

    assert configured_box(opening.webhook_encryption_keys, opening.mode).open(sealed) == "whsec_1"


def test_the_printed_two_factor_key_seals_totp_secrets_in_internal_api(tmp_path, monkeypatch):
    load_printed_keys(tmp_path, monkeypatch)
    settings = InternalApiSettings(mode="distributed", **DISTRIBUTED_BACKENDS)

    box = configured_box(settings.two_factor_encryption_keys, settings.mode)

    assert box.open(box.seal("JBSWY3DPEHPK3PXP")) == "JBSWY3DPEHPK3PXP"


def test_the_printed_form_key_seals_captcha_secrets_in_internal_api(tmp_path, monkeypatch):
    load_printed_keys(tmp_path, monkeypatch)
    settings = InternalApiSettings(mode="distributed", **DISTRIBUTED_BACKENDS)

    box = configured_box(settings.form_encryption_keys, settings.mode)

    assert box.open(box.seal("0x4AAA-secret")) == "0x4AAA-secret"


def test_the_printed_unsubscribe_secret_is_read_by_the_notification_service(tmp_path, monkeypatch):
    load_printed_keys(tmp_path, monkeypatch)

    secret = NotificationsSettings().unsubscribe_secret.get_secret_value()

    assert random_key(secret) is not None


def test_the_printed_session_state_key_lets_the_router_start_in_distributed_mode(
    tmp_path, monkeypatch
):
    load_printed_keys(tmp_path, monkeypatch)

    settings = RouterSettings(mode="distributed", **DISTRIBUTED_BACKENDS)

    assert len(settings.session_state_key) >= 43  # 32 random bytes, URL-safe


def test_the_printed_booking_link_secret_signs_in_internal_api_what_the_queue_manager_signs(
    tmp_path, monkeypatch
):
    load_printed_keys(tmp_path, monkeypatch)

    internal_api = InternalApiSettings(mode="distributed", **DISTRIBUTED_BACKENDS)
    queue_manager = QueueManagerSettings(mode="distributed", **DISTRIBUTED_BACKENDS)

    assert internal_api.booking_link_key == queue_manager.booking_link_key
    assert len(internal_api.booking_link_secret) >= 43


def test_compose_files_give_each_container_only_its_own_secrets(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    keys.main(["--compose"])

    router = dotenv_values(tmp_path / ".env.d" / "router.env")
    gateway = dotenv_values(tmp_path / ".env.d" / "gateway.env")
    assert set(router) == {
        "JWT_PUBLIC_KEY",
        "SERVICE_TOKEN_PUBLIC_KEY",
        "ROUTER_JWT_PRIVATE_KEY",
        "SESSION_STATE_KEY",
    }
    assert set(gateway) == {"JWT_PUBLIC_KEY", "SERVICE_TOKEN_PUBLIC_KEY"}
    assert router["JWT_PUBLIC_KEY"] == gateway["JWT_PUBLIC_KEY"]


def test_the_printed_reports_link_key_is_the_same_in_internal_api_and_the_queue_manager(
    tmp_path, monkeypatch
):
    load_printed_keys(tmp_path, monkeypatch)

    internal_api = InternalApiSettings(mode="distributed", **DISTRIBUTED_BACKENDS)
    queue_manager = QueueManagerSettings(mode="distributed", **DISTRIBUTED_BACKENDS)

    assert link_key(internal_api) == link_key(queue_manager)
    assert len(internal_api.reports_link_key) >= 43
