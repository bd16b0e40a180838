"""TOTP codes pass within one step of now; recovery codes are random and read as typed."""

import pyotp
import pytest

from internal_api.auth.two_factor import codes

SECRET = pyotp.random_base32()
NOW = 1_800_000_015.0  # in the middle of a 30-second step


@pytest.mark.parametrize("steps", [-1, 0, 1])
def test_a_code_of_the_step_before_now_or_after_passes_naming_its_step(steps):
    totp = pyotp.TOTP(SECRET)
    code = totp.at(NOW + steps * 30)

    assert codes.matching_step(SECRET, code, NOW) == totp.timecode(NOW) + steps


@pytest.mark.parametrize("steps", [-2, 2])
def test_a_code_two_steps_away_is_refused(steps):
    code = pyotp.TOTP(SECRET).at(NOW + steps * 30)

    assert codes.matching_step(SECRET, code, NOW) is None


def test_recovery_codes_are_ten_different_ones():
    assert len(set(codes.new_recovery_codes())) == codes.RECOVERY_CODES == 10


def test_a_recovery_code_typed_in_capitals_and_without_its_hyphen_is_the_same():
    assert codes.hash_recovery_code("K7MQ2 X9FHZ") == codes.hash_recovery_code("k7mq2-x9fhz")


def test_six_digits_are_a_totp_code_and_anything_else_a_recovery_code():
    assert codes.is_totp_code("123456")
    assert not codes.is_totp_code("k7mq2x9fhz")
    assert not codes.is_totp_code("١٢٣٤٥٦")  # digits, but not ASCII ones
