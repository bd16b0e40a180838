"""Secrets sealed at rest with rotatable Fernet keys."""

import pytest
from cryptography.fernet import Fernet

from shared.utilities.encryption import (
    SecretBox,
    SecretUnreadable,
    development_encryption_key,
    parse_keys,
)

OLD, NEW = Fernet.generate_key().decode(), Fernet.generate_key().decode()


def test_a_sealed_value_opens_to_itself_and_does_not_show_it():
    box = SecretBox.from_keys([NEW])

    sealed = box.seal("sk_live_secret")

    assert "sk_live_secret" not in sealed
    assert box.open(sealed) == "sk_live_secret"


def test_after_rotation_values_sealed_with_the_old_key_still_open():
    sealed = SecretBox.from_keys([OLD]).seal("token")

    assert SecretBox.from_keys([NEW, OLD]).open(sealed) == "token"


def test_the_first_key_seals():
    sealed = SecretBox.from_keys([NEW, OLD]).seal("token")

    assert SecretBox.from_keys([NEW]).open(sealed) == "token"
    with pytest.raises(SecretUnreadable):
        SecretBox.from_keys([OLD]).open(sealed)


def test_rotate_reseals_with_the_first_key_so_the_old_one_can_go():
    sealed = SecretBox.from_keys([OLD]).seal("token")

    resealed = SecretBox.from_keys([NEW, OLD]).rotate(sealed)

    assert SecretBox.from_keys([NEW]).open(resealed) == "token"


def test_a_forged_value_is_unreadable():
    with pytest.raises(SecretUnreadable):
        SecretBox.from_keys([NEW]).open("gAAAAABforged")


def test_a_value_older_than_asked_is_unreadable():
    box = SecretBox.from_keys([NEW])
    sealed = box.seal_at("state", issued_at=1_000_000)

    with pytest.raises(SecretUnreadable):
        box.open(sealed, max_age_seconds=600)


def test_keys_are_read_comma_separated_first_first():
    assert parse_keys(f" {NEW} ,{OLD},") == [NEW, OLD]


def test_no_keys_is_an_error():
    with pytest.raises(ValueError):
        SecretBox.from_keys([])


def test_the_development_key_is_made_once_and_kept(tmp_path):
    first = development_encryption_key("integrations", tmp_path)

    assert development_encryption_key("integrations", tmp_path) == first
    assert SecretBox.from_keys([first]).open(SecretBox.from_keys([first]).seal("x")) == "x"
    assert (tmp_path / "integrations.fernet").stat().st_mode & 0o777 == 0o600
