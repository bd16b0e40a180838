"""Webhook signatures: the providers' own published examples verify; anything altered does not."""

import pytest

from shared.utilities.signatures import (
    body_hmac_sha1_shaped,
    ecdsa_signature_shaped,
    generate_ecdsa_key,
    hub_sha256_shaped,
    load_ecdsa_public_key,
    sign_body_hmac_sha1,
    sign_ecdsa_sha256,
    sign_hub_sha256,
    sign_timestamped_hmac,
    sign_twilio,
    timestamped_header_shaped,
    twilio_signature_shaped,
    unix_seconds,
    verify_body_hmac_sha1,
    verify_ecdsa_sha256,
    verify_hub_sha256,
    verify_timestamped_hmac,
    verify_twilio,
)

# twilio-python's request validator example.
TWILIO_URL = "https://mycompany.com/myapp.php?foo=1&bar=2"
TWILIO_PARAMS = {
    "CallSid": "CA1234567890ABCDE",
    "Caller": "+14158675309",
    "Digits": "1234",
    "From": "+14158675309",
    "To": "+18005551212",
}
TWILIO_SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8="

# @sendgrid/eventwebhook's published example.
SENDGRID_PUBLIC_KEY = (
    "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEDr2LjtURuePQzplybdC+u4CwrqDqBaWjcMMsTbhdbcwHBcepxo7"
    "yAQGhHPTnlvFYPAZFceEu/1FwCM/QmGUhA=="
)
SENDGRID_SIGNATURE = (
    "MEUCIQCtIHJeH93Y+qpYeWrySphQgpNGNr/U+UyUlBkU6n7RAwIg"
    "JTz2C+8a8xonZGi6BpSzoQsbVRamr2nlxFDWYNH2j/0="
)
SENDGRID_TIMESTAMP = "1588788367"
SENDGRID_PAYLOAD = b'{"category":"example_payload","event":"test_event","message_id":"message_id"}'

PAYLOAD = b'{"id":"evt_1","type":"charge.succeeded"}'
NOW = 1_700_000_000


def test_twilios_published_example_verifies():
    assert sign_twilio("12345", TWILIO_URL, TWILIO_PARAMS) == TWILIO_SIGNATURE
    assert verify_twilio("12345", TWILIO_URL, TWILIO_PARAMS, TWILIO_SIGNATURE)


def test_a_twilio_signature_over_a_changed_parameter_fails():
    params = {**TWILIO_PARAMS, "Digits": "9999"}

    assert not verify_twilio("12345", TWILIO_URL, params, TWILIO_SIGNATURE)


def test_a_twilio_signature_for_another_url_fails():
    other_url = "https://mycompany.com/other"

    assert not verify_twilio("12345", other_url, TWILIO_PARAMS, TWILIO_SIGNATURE)


def test_a_twilio_signature_with_another_token_fails():
    assert not verify_twilio("54321", TWILIO_URL, TWILIO_PARAMS, TWILIO_SIGNATURE)


def test_sendgrids_published_example_verifies():
    key = load_ecdsa_public_key(SENDGRID_PUBLIC_KEY)

    assert verify_ecdsa_sha256(key, SENDGRID_TIMESTAMP, SENDGRID_PAYLOAD, SENDGRID_SIGNATURE)


def test_a_sendgrid_signature_over_another_timestamp_fails():
    key = load_ecdsa_public_key(SENDGRID_PUBLIC_KEY)

    assert not verify_ecdsa_sha256(key, "1588788368", SENDGRID_PAYLOAD, SENDGRID_SIGNATURE)


def test_a_sendgrid_signature_over_a_changed_payload_fails():
    key = load_ecdsa_public_key(SENDGRID_PUBLIC_KEY)
    payload = SENDGRID_PAYLOAD.replace(b"test_event", b"bounce")

    assert not verify_ecdsa_sha256(key, SENDGRID_TIMESTAMP, payload, SENDGRID_SIGNATURE)


@pytest.mark.parametrize("signature", ["", "not base64!", "c2lnbmF0dXJl"])
def test_a_malformed_ecdsa_signature_fails_without_raising(signature):
    key = load_ecdsa_public_key(SENDGRID_PUBLIC_KEY)

    assert not verify_ecdsa_sha256(key, SENDGRID_TIMESTAMP, SENDGRID_PAYLOAD, signature)


def test_an_ecdsa_signature_made_with_a_generated_key_verifies():
    private_key, public_key = generate_ecdsa_key()
    signature = sign_ecdsa_sha256(private_key, "1700000000", PAYLOAD)

    assert verify_ecdsa_sha256(load_ecdsa_public_key(public_key), "1700000000", PAYLOAD, signature)


@pytest.mark.parametrize("public_key", ["", "bm90IGEga2V5", "-----BEGIN PUBLIC KEY-----\nx\n"])
def test_a_public_key_that_is_not_one_is_refused(public_key):
    with pytest.raises(ValueError):
        load_ecdsa_public_key(public_key)


def test_a_timestamped_hmac_verifies_within_the_tolerance():
    header = sign_timestamped_hmac("whsec_test", PAYLOAD, NOW)

    assert verify_timestamped_hmac("whsec_test", PAYLOAD, header, 300, now=NOW + 299)


def test_a_timestamped_hmac_older_than_the_tolerance_fails():
    header = sign_timestamped_hmac("whsec_test", PAYLOAD, NOW)

    assert not verify_timestamped_hmac("whsec_test", PAYLOAD, header, 300, now=NOW + 301)


def test_a_timestamped_hmac_from_the_future_beyond_the_tolerance_fails():
    header = sign_timestamped_hmac("whsec_test", PAYLOAD, NOW)

    assert not verify_timestamped_hmac("whsec_test", PAYLOAD, header, 300, now=NOW - 301)


def test_a_timestamped_hmac_with_another_secret_fails():
    header = sign_timestamped_hmac("whsec_other", PAYLOAD, NOW)

    assert not verify_timestamped_hmac("whsec_test", PAYLOAD, header, 300, now=NOW)


def test_a_timestamped_hmac_with_a_moved_timestamp_fails():
    signature = sign_timestamped_hmac("whsec_test", PAYLOAD, NOW).split(",")[1]

    assert not verify_timestamped_hmac("whsec_test", PAYLOAD, f"t={NOW + 1},{signature}", 300, NOW)


def test_any_v1_of_a_rolled_secret_verifies():
    good = sign_timestamped_hmac("whsec_test", PAYLOAD, NOW).split(",")[1]
    header = f"t={NOW},v1={'0' * 64},{good},v0=ignored"

    assert verify_timestamped_hmac("whsec_test", PAYLOAD, header, 300, now=NOW)


@pytest.mark.parametrize("header", ["", "t=abc,v1=00", f"t={NOW}", "v1=00", "garbage"])
def test_a_malformed_timestamped_header_fails(header):
    assert not verify_timestamped_hmac("whsec_test", PAYLOAD, header, 300, now=NOW)


def test_a_body_hmac_sha1_verifies_and_fails_on_another_body():
    signature = sign_body_hmac_sha1("signing-key", PAYLOAD)

    assert verify_body_hmac_sha1("signing-key", PAYLOAD, signature)
    assert not verify_body_hmac_sha1("signing-key", PAYLOAD + b" ", signature)


def test_a_hub_signature_verifies_and_fails_with_another_secret():
    header = sign_hub_sha256("secret", PAYLOAD)

    assert header.startswith("sha256=")
    assert verify_hub_sha256("secret", PAYLOAD, header)
    assert not verify_hub_sha256("other", PAYLOAD, header)


# What a server hands over for a header sent as UTF-8 bytes: each byte as a Latin-1 character.
NOT_ASCII = "é".encode().decode("latin-1") * 14


@pytest.mark.parametrize(
    "verified",
    [
        lambda: verify_twilio("12345", TWILIO_URL, TWILIO_PARAMS, NOT_ASCII),
        lambda: verify_body_hmac_sha1("key", PAYLOAD, NOT_ASCII),
        lambda: verify_hub_sha256("secret", PAYLOAD, "sha256=" + NOT_ASCII),
        lambda: verify_timestamped_hmac("secret", PAYLOAD, f"t={NOW},v1={NOT_ASCII}", 300, NOW),
        lambda: verify_ecdsa_sha256(
            load_ecdsa_public_key(SENDGRID_PUBLIC_KEY), "1", PAYLOAD, NOT_ASCII
        ),
    ],
    ids=["twilio", "body hmac", "hub", "timestamped", "ecdsa"],
)
def test_a_signature_that_is_not_ascii_fails_without_raising(verified):
    assert verified() is False


def test_the_shapes_of_genuine_signatures_are_accepted():
    timestamped = sign_timestamped_hmac("secret", PAYLOAD, NOW)

    assert timestamped_header_shaped(timestamped) == NOW
    assert twilio_signature_shaped(TWILIO_SIGNATURE)
    assert body_hmac_sha1_shaped(sign_body_hmac_sha1("key", PAYLOAD))
    assert hub_sha256_shaped(sign_hub_sha256("secret", PAYLOAD))
    assert ecdsa_signature_shaped(SENDGRID_SIGNATURE)


@pytest.mark.parametrize("header", ["", NOT_ASCII, "x" * 10_000, "sha256=" + "0" * 63])
def test_misshapen_signatures_are_told_apart_before_any_body_is_read(header):
    assert timestamped_header_shaped(header) is None
    assert not twilio_signature_shaped(header)
    assert not body_hmac_sha1_shaped(header)
    assert not hub_sha256_shaped(header)
    assert not ecdsa_signature_shaped(header)


@pytest.mark.parametrize("value", ["¹²³", "١٢٣", "-1", "", "9" * 40])
def test_a_timestamp_that_is_not_plain_ascii_digits_is_none(value):
    assert unix_seconds(value) is None
