"""Signup codes stored as an agency's owner would make them, with the code itself."""

from internal_api.signup_codes.service import code_hash, new_code
from shared.models.account import Account
from shared.models.account_signup_code import AccountSignupCode


async def create_signup_code(agency: Account, **overrides) -> tuple[AccountSignupCode, str]:
    """A code of the agency making its clients owners of their sub-accounts, and the code."""
    code = new_code()
    fields = {
        "account_id": agency.id,
        "code_hash": code_hash(code),
        "hint": code[-4:],
        "created_by": agency.id,
    }
    return await AccountSignupCode(**{**fields, **overrides}).insert(), code
