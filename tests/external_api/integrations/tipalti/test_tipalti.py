"""Tipalti: connected with the payer's API app (checked with a token), payees made with their
signed onboarding iFrame link, payment batches submitted in major units and their status
read, each call with a client-credentials token."""

import hashlib
import hmac
from urllib.parse import parse_qs, urlsplit

from external_api.integrations.tipalti.client import token_url
from shared.models.tipalti_key import TipaltiKey
from tests.external_api import module_external as one_app
from tests.external_api.factories import BOX
from tests.external_api.fakes import form_of, json_answer, json_of
from tests.external_api.fakes.tipalti import (
    BATCHES,
    PAYEES,
    TOKEN_URL,
    batch_answer,
    instructions_answer,
    payee_answer,
    token_answer,
)
from tests.reputation_factories import service_headers

# One external API for the module (`tests.external_api.module_external`).
module_external, external, fake, jobs = (
    one_app.module_external,
    one_app.external,
    one_app.fake,
    one_app.jobs,
)


def service() -> dict[str, str]:
    """A fresh service token (they live 60 seconds)."""
    return service_headers("queue_manager", "external_api")


CONNECT = {
    "client_id": "app-1",
    "client_secret": "s3cret",
    "master_key": "master-key",
    "payer_name": "AgencyCo",
}


async def connect(external, admin, fake):
    fake.on("POST", TOKEN_URL, json_answer(token_answer()))
    return await external.put("/v1/e/tipalti/key", json=CONNECT, headers=admin)


async def test_connecting_checks_the_app_with_a_token_and_seals_both_secrets(
    external, admin, fake, account_id
):
    response = await connect(external, admin, fake)

    assert response.status_code == 200, response.text
    (token_request,) = fake.sent("POST", TOKEN_URL)
    assert form_of(token_request)["grant_type"] == "client_credentials"
    assert form_of(token_request)["client_secret"] == "s3cret"
    stored = await TipaltiKey.find_one({})
    assert BOX.open(stored.api_key) == "s3cret\nmaster-key"
    assert stored.options == {"client_id": "app-1", "payer_name": "AgencyCo"}


async def test_a_payee_is_made_and_its_iframe_link_signed_with_the_master_key(
    external, admin, fake, account_id
):
    await connect(external, admin, fake)
    fake.on("POST", PAYEES, json_answer(payee_answer("tp-1", "aff-1"), 201))

    response = await external.post(
        f"/v1/e/tipalti/accounts/{account_id}/payees",
        json={"ref_code": "aff-1", "name": "Pat Partner", "email": "pat@partners.test"},
        headers=service(),
    )

    assert response.status_code == 200, response.text
    (created,) = fake.sent("POST", PAYEES)
    assert created.headers["authorization"] == "Bearer tipalti-access"
    assert json_of(created)["refCode"] == "aff-1"
    assert json_of(created)["contactInformation"]["email"] == "pat@partners.test"
    url = urlsplit(response.json()["onboarding_url"])
    signed, _, hashkey = url.query.rpartition("&hashkey=")
    assert parse_qs(signed)["idap"] == ["aff-1"] and parse_qs(signed)["payer"] == ["AgencyCo"]
    assert hashkey == hmac.new(b"master-key", signed.encode(), hashlib.sha256).hexdigest()


async def test_a_batch_is_submitted_in_major_units_and_its_status_read(
    external, admin, fake, account_id
):
    await connect(external, admin, fake)
    fake.on("POST", BATCHES, json_answer(batch_answer("b-1"), 201))
    fake.on(
        "GET", f"{BATCHES}/b-1/instructions", json_answer(instructions_answer(("aff-p1", "PAID")))
    )
    instruction = {"payee_id": "tp-1", "ref_code": "aff-p1", "amount": 12345, "currency": "USD"}

    submitted = await external.post(
        f"/v1/e/tipalti/accounts/{account_id}/payment-batches",
        json={"instructions": [instruction]},
        headers=service(),
    )
    status = await external.get(
        f"/v1/e/tipalti/accounts/{account_id}/payment-batches/b-1", headers=service()
    )

    assert submitted.json() == {"batch_id": "b-1"}
    (sent,) = fake.sent("POST", BATCHES)
    assert json_of(sent)["paymentInstructions"] == [
        {
            "payeeId": "tp-1",
            "amountSubmitted": {"amount": 123.45, "currency": "USD"},
            "refCode": "aff-p1",
        }
    ]
    assert status.json()["instructions"] == [{"ref_code": "aff-p1", "status": "PAID"}]


async def test_an_account_without_tipalti_answers_not_connected(external, fake, account_id):
    response = await external.post(
        f"/v1/e/tipalti/accounts/{account_id}/payees",
        json={"ref_code": "aff-1", "name": "Pat", "email": "pat@partners.test"},
        headers=service(),
    )

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "not_connected"
    assert fake.requests == []


def test_the_sandbox_api_takes_its_token_from_the_sandbox_identity_host():
    assert (
        token_url("https://api-sb.tipalti.com") == "https://sso.sandbox.tipalti.com/connect/token"
    )
