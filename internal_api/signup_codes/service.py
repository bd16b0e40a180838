"""Signup codes: an agency makes them (the code shown once, stored hashed), lists and revokes
them; someone signing up with one becomes the user of a new sub-account of that agency.

Signing up with a code stores the user, counts the code's use (one conditional write: a code
with one use left admits one of two sign-ups at once), then the sub-account (within the
agency's MAX_SUB_ACCOUNTS), the membership and the session, in one transaction
(`shared.utilities.db.transaction`; without one, a step that fails undoes those before it and
gives the use back). A code that cannot be used is refused before anything is stored.
"""

import secrets

from beanie import PydanticObjectId

from internal_api.accounts.errors import NotAnAgency
from internal_api.accounts.repository import account as account_by_id
from internal_api.accounts.service import add_sub_account, current_account
from internal_api.auth.repository import undo_signup
from internal_api.auth.service import (
    SignedIn,
    SignIn,
    add_member,
    insert_user,
    start_session,
)
from internal_api.extended import Extended
from internal_api.signup_codes import repository as codes
from internal_api.signup_codes.errors import (
    ON_THE_CODE,
    SignupCodeExpired,
    SignupCodeInvalid,
    SignupCodeRevoked,
    SignupCodeUsedUp,
)
from internal_api.signup_codes.repository import SignupCodeRepository
from internal_api.signup_codes.schemas import SignupCodeCreate
from shared.models.account import Account, AccountKind
from shared.models.account_signup_code import AccountSignupCode
from shared.models.base import utc_now
from shared.models.user import User
from shared.utilities import db
from shared.utilities.auth import Principal
from shared.utilities.pagination import Page, PageParams
from shared.utilities.secret_tokens import hash_token

# Crockford's base32: no I, L, O or U, so a code read aloud or off paper is typed right.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 16  # 80 random bits
GROUP = 4
# What a code may be typed as: any case, O for 0, I or L for 1, dashes and spaces anywhere.
TYPED_AS = str.maketrans({"O": "0", "I": "1", "L": "1", "-": None, " ": None})
NAME_PLACEHOLDER = "{name}"
MAX_NAME_LENGTH = 200


def new_code() -> str:
    """`7K3M-9QXA-V2DP-4HRT`."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[start : start + GROUP] for start in range(0, CODE_LENGTH, GROUP))


def code_hash(code: str) -> str:
    return hash_token(code.upper().translate(TYPED_AS))


async def create_code(principal: Principal, body: SignupCodeCreate) -> Extended[AccountSignupCode]:
    """A new code of the active agency, returned with the code itself (this once)."""
    agency = await current_account(principal)
    if agency.kind is not AccountKind.AGENCY:
        raise NotAnAgency()
    code = new_code()
    created = await SignupCodeRepository(principal.account_id).create(
        **body.model_dump(),
        code_hash=code_hash(code),
        hint=code[-GROUP:],
        created_by=PydanticObjectId(principal.sub),
    )
    return Extended(created, code=code)


async def list_codes(principal: Principal, params: PageParams) -> Page[AccountSignupCode]:
    return await SignupCodeRepository(principal.account_id).paginate(params)


async def revoke_code(principal: Principal, code_id: str) -> None:
    """The code stops working at once; it stays listed, with its uses."""
    code = await SignupCodeRepository(principal.account_id).get(code_id)
    if code.revoked_at is None:
        await code.set({AccountSignupCode.revoked_at: utc_now()})


async def sign_up_with_code(
    code: str, email: str, password: str, name: str, account_name: str, context: SignIn
) -> SignedIn:
    """A new user, owner (or the code's role) of a new sub-account of the code's agency,
    signed in there; all of it, or nothing."""
    signup_code, agency = await usable(code)
    sub_account = Account(
        id=PydanticObjectId(),  # for the user's default account, before it is stored
        name=sub_account_name(signup_code, account_name),
        kind=AccountKind.SUB_ACCOUNT,
        parent_id=agency.id,
    )
    stored: list[User] = []  # the user, once stored
    claimed = False

    async def undo() -> None:
        # Without a transaction (the in-memory database), as a sign-up is: the email is free
        # again, the use given back.
        for user in stored:
            await undo_signup(user, sub_account)
        if claimed:
            await codes.give_back_use(signup_code)

    async with db.transaction(undo=undo):
        user = await insert_user(email, name, password, sub_account, context.passwords)
        stored.append(user)
        if not await codes.claim_use(signup_code):
            await usable(code)  # revoked, expired or used up since it was read: raises which
            raise SignupCodeUsedUp(details=ON_THE_CODE)
        claimed = True
        limit = context.settings.max_sub_accounts
        await add_sub_account(agency, sub_account, limit, context.redis)
        await add_member(sub_account, user, signup_code.role)
        session_id = await start_session(user, sub_account, context)
    return SignedIn(session_id, user, sub_account)


async def usable(code: str) -> tuple[AccountSignupCode, Account]:
    """The code and its agency, while the code may be used."""
    signup_code = await codes.by_hash(code_hash(code))
    agency = await account_by_id(signup_code.account_id) if signup_code else None
    if signup_code is None or agency is None:
        raise SignupCodeInvalid(details=ON_THE_CODE)
    if signup_code.revoked_at is not None:
        raise SignupCodeRevoked(details=ON_THE_CODE)
    if signup_code.expires_at is not None and signup_code.expires_at <= utc_now():
        raise SignupCodeExpired(details=ON_THE_CODE)
    if signup_code.max_uses is not None and signup_code.uses >= signup_code.max_uses:
        raise SignupCodeUsedUp(details=ON_THE_CODE)
    return signup_code, agency


def sub_account_name(code: AccountSignupCode, given: str) -> str:
    if code.sub_account_name is None:
        return given
    return code.sub_account_name.replace(NAME_PLACEHOLDER, given)[:MAX_NAME_LENGTH]
