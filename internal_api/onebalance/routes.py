"""/v1/onebalance: the account's prepaid wallet for metered actions (email, SMS segments, call
minutes, AI tokens, phone numbers), and an agency's view of its sub-accounts' wallets."""

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from internal_api.onebalance import report, service
from internal_api.onebalance.auth import WalletRead, WalletWrite
from internal_api.onebalance.schemas import (
    CreditCreate,
    MarkupUpdate,
    MovementRead,
    TopUpCreate,
    UsageReport,
    WalletCreate,
    WalletUpdate,
)
from internal_api.onebalance.schemas import (
    WalletRead as WalletAnswer,
)
from internal_api.payments import Payments
from shared.domain.onebalance.errors import (
    CardDeclined,
    CardRequired,
    UnpricedCurrency,
    WalletExists,
    WalletNotFound,
)
from shared.domain.payments.errors import PaymentMethodRefused, PaymentProviderFailed
from shared.models.onebalance_movement import OnebalanceMovement
from shared.models.onebalance_wallet import OnebalanceWallet
from shared.utilities.errors import SIGNED_IN, InvalidInput, NotFound, error_responses
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/onebalance", tags=["onebalance"])

FromMonth = Annotated[str, Query(alias="from", pattern=r"^\d{4}-\d{2}$", description="YYYY-MM")]
ToMonth = Annotated[str, Query(alias="to", pattern=r"^\d{4}-\d{2}$", description="YYYY-MM")]
CARD_ERRORS = (CardRequired, CardDeclined, PaymentMethodRefused, PaymentProviderFailed)


@router.post(
    "/wallet",
    status_code=201,
    response_model=WalletAnswer,
    summary="Open the account's wallet",
    description="From then on the account's email, SMS, calls, AI tokens and phone numbers "
    "are paid from it at the platform's rate card plus the agency's markup; a send it cannot "
    "cover is refused with 402 `insufficient_balance`.",
    responses=error_responses(*SIGNED_IN, WalletExists, UnpricedCurrency, InvalidInput),
)
async def open_wallet(body: WalletCreate, principal: WalletWrite) -> OnebalanceWallet:
    return await service.open_own_wallet(principal, body)


@router.get(
    "/wallet",
    response_model=WalletAnswer,
    summary="The account's wallet",
    responses=error_responses(*SIGNED_IN, WalletNotFound),
)
async def read_wallet(principal: WalletRead) -> OnebalanceWallet:
    return await service.own_wallet(principal)


@router.patch(
    "/wallet",
    response_model=WalletAnswer,
    summary="Set auto-reload and the low-balance alert",
    description="Auto-reload tops the wallet up by `amount` with the account's saved card "
    "when the balance falls below `threshold`, at most once per `window_minutes`; the "
    "account's members are told when the balance falls below `low_balance_threshold`, and "
    "when a reload's card is declined.",
    responses=error_responses(*SIGNED_IN, WalletNotFound),
)
async def update_wallet(body: WalletUpdate, principal: WalletWrite) -> OnebalanceWallet:
    return await service.update_own_wallet(principal, body)


@router.get(
    "/wallet/movements",
    response_model=Page[MovementRead],
    summary="The wallet's movements",
    description="Each with its ledger entries, which sum to zero; usage charges split into "
    "the platform's cost and the agency's markup.",
    responses=error_responses(*SIGNED_IN),
)
async def list_movements(principal: WalletRead, paging: Paging) -> Page[OnebalanceMovement]:
    return await service.list_movements(principal, paging)


@router.post(
    "/wallet/top-ups",
    status_code=201,
    response_model=MovementRead,
    summary="Top up by card",
    description="Charges the account's saved card off-session and credits the wallet; sent "
    "again with the same `key` it charges and credits once.",
    responses=error_responses(*SIGNED_IN, WalletNotFound, *CARD_ERRORS),
)
async def top_up(
    body: TopUpCreate, principal: WalletWrite, payments: Payments
) -> OnebalanceMovement:
    return await service.top_up(principal, payments, body)


@router.post(
    "/sub-accounts/{sub_account_id}/wallet",
    status_code=201,
    response_model=WalletAnswer,
    summary="Open a sub-account's wallet",
    responses=error_responses(*SIGNED_IN, NotFound, WalletExists, UnpricedCurrency),
)
async def open_sub_account_wallet(
    sub_account_id: str, body: WalletCreate, principal: WalletWrite
) -> OnebalanceWallet:
    return await service.open_sub_account_wallet(principal, sub_account_id, body)


@router.get(
    "/sub-accounts/{sub_account_id}/wallet",
    response_model=WalletAnswer,
    summary="A sub-account's wallet",
    responses=error_responses(*SIGNED_IN, NotFound, WalletNotFound),
)
async def read_sub_account_wallet(sub_account_id: str, principal: WalletRead) -> OnebalanceWallet:
    return await service.sub_account_wallet(principal, sub_account_id)


@router.post(
    "/sub-accounts/{sub_account_id}/credits",
    status_code=201,
    response_model=MovementRead,
    summary="Give a sub-account credit",
    description="The agency bills its client its own way; sent again with the same `key` "
    "it credits once.",
    responses=error_responses(*SIGNED_IN, NotFound, WalletNotFound),
)
async def credit_sub_account(
    sub_account_id: str, body: CreditCreate, principal: WalletWrite
) -> OnebalanceMovement:
    return await service.credit_sub_account(principal, sub_account_id, body)


@router.put(
    "/sub-accounts/{sub_account_id}/markup",
    response_model=WalletAnswer,
    summary="Set a sub-account's markup",
    description="Basis points on the platform's rate card (2500 = 25 %), charged on top of "
    "each usage and earned by the agency.",
    responses=error_responses(*SIGNED_IN, NotFound, WalletNotFound),
)
async def set_markup(
    sub_account_id: str, body: MarkupUpdate, principal: WalletWrite
) -> OnebalanceWallet:
    return await service.set_markup(principal, sub_account_id, body)


@router.get(
    "/reports/usage",
    response_model=UsageReport,
    summary="Wallet usage per sub-account per month",
    description="Months `from` to `to` (UTC), each row one account, action and currency; "
    "totals per currency, never summed across.",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def usage_report(principal: WalletRead, first: FromMonth, last: ToMonth) -> UsageReport:
    return await service.usage_report(principal, first, last)


@router.get(
    "/reports/usage.csv",
    summary="Wallet usage per sub-account per month, as CSV",
    description="The same rows as `/reports/usage`, amounts in major units of each row's currency.",
    response_class=Response,
    responses={
        200: {"content": {"text/csv": {}}, "description": "the CSV file"},
        **error_responses(*SIGNED_IN, InvalidInput),
    },
)
async def usage_report_csv(principal: WalletRead, first: FromMonth, last: ToMonth) -> Response:
    usage = await service.usage_report(principal, first, last)
    return Response(
        report.as_csv(usage.rows),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="wallet-usage-{first}-{last}.csv"'},
    )
