"""What the platform asks of an account's Tipalti: a payee made and its onboarding iFrame
link, a payee's status, a payment batch submitted, its instructions' status."""

from external_api.integrations.framework.runtime import Integrations
from external_api.integrations.tipalti.client import (
    Tipalti,
    TipaltiSecrets,
    iframe_url,
    major_amount,
)
from external_api.integrations.tipalti.schemas import (
    BatchCreate,
    BatchRead,
    BatchStatusRead,
    InstructionStatus,
    OnboardingRead,
    PayeeCreate,
    PayeeRead,
)

PROVIDER = "tipalti"
PAYABLE = "isPayable"


async def client_of(integrations: Integrations, account_id: str) -> Tipalti:
    store = integrations.store(PROVIDER)
    credential = await store.connected(account_id)
    secrets = TipaltiSecrets.of(store.open(credential.api_key), credential.options)
    return Tipalti(integrations.http[PROVIDER], secrets)


async def onboard_payee(
    integrations: Integrations, account_id: str, body: PayeeCreate
) -> OnboardingRead:
    tipalti = await client_of(integrations, account_id)
    payee = await tipalti.create_payee(body.ref_code, body.name, body.email)
    url = iframe_url(integrations.settings.tipalti.iframe_url, tipalti.secrets, body.ref_code)
    return OnboardingRead(payee_id=str(payee["id"]), onboarding_url=url)


async def payee_status(integrations: Integrations, account_id: str, payee_id: str) -> PayeeRead:
    payee = await (await client_of(integrations, account_id)).payee(payee_id)
    return PayeeRead(
        payee_id=str(payee["id"]),
        ref_code=str(payee.get("refCode", "")),
        payable=bool(payee.get(PAYABLE, False)),
        status=str(payee.get("status", "")),
    )


async def submit_batch(integrations: Integrations, account_id: str, body: BatchCreate) -> BatchRead:
    instructions = [
        {
            "payeeId": item.payee_id,
            "amountSubmitted": {
                "amount": major_amount(item.amount, item.currency),
                "currency": item.currency,
            },
            "refCode": item.ref_code,
        }
        for item in body.instructions
    ]
    answer = await (await client_of(integrations, account_id)).submit_batch(instructions)
    return BatchRead(batch_id=str(answer["id"]))


async def batch_status(
    integrations: Integrations, account_id: str, batch_id: str
) -> BatchStatusRead:
    items = await (await client_of(integrations, account_id)).batch_instructions(batch_id)
    return BatchStatusRead(
        batch_id=batch_id,
        instructions=[
            InstructionStatus(
                ref_code=str(item.get("refCode", "")), status=str(item.get("status", ""))
            )
            for item in items
        ],
    )
