"""Who may ask for rates: signed-in users, and other services with their service token
(internal_api converting a deal board's totals); nobody else."""

from shared.utilities.auth import authenticator_for, service_token
from shared.utilities.settings import ServiceSettings


async def test_a_service_token_is_answered(currency):
    token = service_token(authenticator_for(ServiceSettings()), "internal_api", "currency")

    response = await currency.get(
        "/v1/currency/rates?base=EUR", headers={"authorization": f"Bearer {token}"}
    )

    assert response.status_code == 200
    assert response.json()["base"] == "EUR"


async def test_a_forged_token_answers_401(currency):
    response = await currency.get(
        "/v1/currency/rates", headers={"authorization": "Bearer not.a.token"}
    )

    assert response.status_code == 401
