"""Tipalti's REST API (v1) as its reference shows it: the client-credentials token, payees,
payment batches and their instructions; the payee iFrame's signed query."""

API_URL = "https://api-p.tipalti.com"
TOKEN_URL = "https://sso.tipalti.com/connect/token"
IFRAME_URL = "https://ui2.tipalti.com/payeedashboard/home"
PAYEES = f"{API_URL}/api/v1/payees"
BATCHES = f"{API_URL}/api/v1/payment-batches"


def token_answer(access_token: str = "tipalti-access") -> dict:
    return {
        "access_token": access_token,
        "expires_in": 3600,
        "token_type": "Bearer",
        "scope": "tipalti.api.payee.read",
    }


def payee_answer(payee_id: str, ref_code: str, payable: bool = False) -> dict:
    return {
        "id": payee_id,
        "refCode": ref_code,
        "status": "ACTIVE",
        "isPayable": payable,
        "entityType": "INDIVIDUAL",
    }


def batch_answer(batch_id: str) -> dict:
    return {"id": batch_id, "status": "SUBMITTED"}


def instructions_answer(*statuses: tuple[str, str]) -> dict:
    return {"items": [{"refCode": ref_code, "status": status} for ref_code, status in statuses]}


INVALID_CLIENT = {"error": "invalid_client"}
