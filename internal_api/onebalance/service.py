"""OneBalance for the signed-in account (its wallet, movements and card top-ups) and for an
agency acting on its sub-accounts (open their wallets, credit them, set their markup), and the
agency's usage report. An agency's sub-account is looked up under the agency, so another
agency's answers 404."""

from beanie import PydanticObjectId

from internal_api.accounts.repository import SubAccountRepository, account
from internal_api.onebalance import report
from internal_api.onebalance.repository import account_names
from internal_api.onebalance.schemas import (
    CreditCreate,
    MarkupUpdate,
    TopUpCreate,
    UsageReport,
    WalletCreate,
    WalletUpdate,
)
from shared.domain.onebalance import credits, wallets
from shared.domain.onebalance.repository import MovementRepository
from shared.domain.onebalance.topups import top_up_by_card
from shared.domain.payments.provider import PaymentProvider
from shared.models.account import Account
from shared.models.onebalance_movement import OnebalanceMovement
from shared.models.onebalance_wallet import OnebalanceWallet
from shared.utilities.auth import Principal
from shared.utilities.errors import NotFound
from shared.utilities.pagination import Page, PageParams


async def open_own_wallet(principal: Principal, body: WalletCreate) -> OnebalanceWallet:
    found = await account(principal.account_id)
    if found is None:
        raise NotFound("The account does not exist.")
    return await wallets.open_wallet(found, body.currency)


async def own_wallet(principal: Principal) -> OnebalanceWallet:
    return await wallets.wallet_in(principal.account_id)


async def update_own_wallet(principal: Principal, body: WalletUpdate) -> OnebalanceWallet:
    wallet = await wallets.wallet_in(principal.account_id)
    return await wallets.change(wallet, body.model_dump(exclude_none=True))


async def list_movements(principal: Principal, params: PageParams) -> Page[OnebalanceMovement]:
    return await MovementRepository(principal.account_id).paginate(params)


async def top_up(
    principal: Principal, provider: PaymentProvider, body: TopUpCreate
) -> OnebalanceMovement:
    wallet = await wallets.wallet_in(principal.account_id)
    key = f"topup:{wallet.id}:{body.key}"
    return (await top_up_by_card(provider, wallet, body.amount, key)).movement


async def sub_account(principal: Principal, sub_account_id: str) -> Account:
    return await SubAccountRepository(principal.account_id).get(sub_account_id)


async def open_sub_account_wallet(
    principal: Principal, sub_account_id: str, body: WalletCreate
) -> OnebalanceWallet:
    client = await sub_account(principal, sub_account_id)
    return await wallets.open_wallet(client, body.currency)


async def sub_account_wallet(principal: Principal, sub_account_id: str) -> OnebalanceWallet:
    client = await sub_account(principal, sub_account_id)
    return await wallets.wallet_in(client.id)


async def credit_sub_account(
    principal: Principal, sub_account_id: str, body: CreditCreate
) -> OnebalanceMovement:
    wallet = await sub_account_wallet(principal, sub_account_id)
    key = f"credit:{wallet.id}:{body.key}"
    return (await credits.agency_credit(wallet, key, body.amount, body.note)).movement


async def set_markup(
    principal: Principal, sub_account_id: str, body: MarkupUpdate
) -> OnebalanceWallet:
    wallet = await sub_account_wallet(principal, sub_account_id)
    return await wallets.change(wallet, {"markup_bp": body.markup_bp})


async def usage_report(principal: Principal, first: str, last: str) -> UsageReport:
    agency_id = PydanticObjectId(principal.account_id)
    names = await account_names(agency_id)
    return await report.usage_report(agency_id, first, last, names)
