"""Lead ads webhooks: the subscription handshake, X-Hub-Signature-256 checked on the raw body,
each lead handed to the queue manager once."""

from shared.models.integration_webhook_receipt import IntegrationWebhookReceipt
from tests.external_api.fakes.facebook import VERIFY_TOKEN, leadgen_body, signature

WEBHOOK = "/v1/e/facebook/webhooks/leadgen"


def handshake(token: str = VERIFY_TOKEN) -> dict[str, str]:
    return {"hub.mode": "subscribe", "hub.verify_token": token, "hub.challenge": "1158201444"}


async def test_the_handshake_echoes_the_challenge(external):
    response = await external.get(WEBHOOK, params=handshake())

    assert response.status_code == 200
    assert response.text == "1158201444"


async def test_the_handshake_with_a_wrong_verify_token_is_refused(external):
    response = await external.get(WEBHOOK, params=handshake("guess"))

    assert response.status_code == 403


async def test_a_signed_lead_is_handed_to_the_queue(external, jobs):
    body = leadgen_body(("page-1", "lead-1"))

    response = await external.post(
        WEBHOOK, content=body, headers={"x-hub-signature-256": signature(body)}
    )

    assert response.status_code == 200
    assert response.json() == {"received": 1, "accepted": 1}
    ((name, kwargs, task_id),) = jobs.sent
    assert (name, task_id) == ("integrations.process_webhook", "facebook:lead-1")
    assert kwargs["provider"] == "facebook"
    assert kwargs["event"]["type"] == "leadgen"
    assert kwargs["event"]["data"]["page_id"] == "page-1"


async def test_a_lead_sent_again_is_answered_but_not_handed_on_again(external, jobs):
    body = leadgen_body(("page-1", "lead-1"))
    headers = {"x-hub-signature-256": signature(body)}
    await external.post(WEBHOOK, content=body, headers=headers)

    again = await external.post(WEBHOOK, content=body, headers=headers)

    assert again.status_code == 200
    assert again.json() == {"received": 1, "accepted": 0}
    assert len(jobs.sent) == 1


async def test_a_missing_signature_is_refused(external, jobs):
    response = await external.post(WEBHOOK, content=leadgen_body(("page-1", "lead-1")))

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_signature"
    assert jobs.sent == []


async def test_a_signature_with_another_secret_is_refused(external, jobs):
    body = leadgen_body(("page-1", "lead-1"))

    response = await external.post(
        WEBHOOK, content=body, headers={"x-hub-signature-256": signature(body, "other")}
    )

    assert response.status_code == 401
    assert await IntegrationWebhookReceipt.find_all().count() == 0


async def test_a_body_changed_after_signing_is_refused(external, jobs):
    body = leadgen_body(("page-1", "lead-1"))

    response = await external.post(
        WEBHOOK,
        content=body.replace(b"lead-1", b"lead-2"),
        headers={"x-hub-signature-256": signature(body)},
    )

    assert response.status_code == 401


async def test_a_body_over_the_limit_is_refused(start_external, jobs):
    body = leadgen_body(*(("page-1", f"lead-{n}") for n in range(50)))
    async with start_external(webhook_max_bytes=1000) as external:
        response = await external.post(
            WEBHOOK, content=body, headers={"x-hub-signature-256": signature(body)}
        )

    assert response.status_code == 413
    assert jobs.sent == []


async def test_the_webhook_needs_no_session(external):
    body = leadgen_body(("page-1", "lead-9"))

    response = await external.post(
        WEBHOOK, content=body, headers={"x-hub-signature-256": signature(body)}
    )

    assert response.status_code == 200
