"""/v1/billing: the agency's plans for its sub-accounts, the invoices of the account (sent,
or to pay), and the agency's monthly report."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from internal_api.billing import reports, service
from internal_api.billing.auth import BillingRead, BillingWrite
from internal_api.billing.errors import AgencyOnly, BadReportRange, PlatformInvoice
from internal_api.billing.pdf import invoice_pdf
from internal_api.billing.repository import InvoiceRepository, PlanRepository
from internal_api.billing.schemas import (
    InvoiceCreate,
    InvoiceRead,
    MonthRow,
    PlanCancel,
    PlanChange,
    PlanCreate,
    PlanRead,
    RefundCreate,
)
from internal_api.dependencies import Settings
from internal_api.payments import Payments
from shared.domain.billing.errors import (
    AlreadySubscribed,
    InvoiceNotOpen,
    InvoiceNotPaid,
    MixedCurrencies,
    NotASubAccount,
    PlanCanceled,
    PlanChanged,
    PlanNotPaused,
    PlanNotRunning,
    PriceArchived,
    PriceMismatch,
    PriceNotOneOff,
    PriceNotRecurring,
    RefundTooLarge,
    StripeNotConnected,
)
from shared.domain.payments.errors import PaymentProviderFailed
from shared.models.billing_invoice import BillingInvoice, InvoiceStatus
from shared.models.billing_plan import BillingPlan
from shared.utilities.errors import SIGNED_IN, NotFound, UpstreamError, error_responses
from shared.utilities.pagination import Page, PageParams, Paging, sorted_by

router = APIRouter(prefix="/v1/billing", tags=["billing"])

AGENCY = (*SIGNED_IN, AgencyOnly)
CHANGES = (*AGENCY, NotFound, PlanChanged)
PlanPaging = Annotated[PageParams, Depends(sorted_by(PlanRepository.sortable))]
InvoicePaging = Annotated[PageParams, Depends(sorted_by(InvoiceRepository.sortable))]
SubAccountFilter = Annotated[str | None, Query(description="one sub-account's only")]


@router.post(
    "/plans",
    status_code=201,
    response_model=PlanRead,
    summary="Subscribe one of the agency's sub-accounts to a plan",
    description="A price with a trial starts trialing, charged nothing until it ends; one "
    "without starts active, its first period invoiced and charged at once. Charged through "
    "the agency's connected Stripe account (409 `stripe_not_connected` without one).",
    responses=error_responses(
        *AGENCY,
        NotFound,
        NotASubAccount,
        PriceNotRecurring,
        PriceArchived,
        AlreadySubscribed,
        StripeNotConnected,
    ),
)
async def create_plan(body: PlanCreate, principal: BillingWrite, payments: Payments) -> BillingPlan:
    return await service.create_plan(principal, payments, body)


@router.get(
    "/plans",
    response_model=Page[PlanRead],
    summary="The agency's plans",
    responses=error_responses(*AGENCY),
)
async def list_plans(
    principal: BillingRead, paging: PlanPaging, sub_account_id: SubAccountFilter = None
) -> Page[BillingPlan]:
    return await service.list_plans(principal, paging, sub_account_id)


@router.get(
    "/plans/{plan_id}",
    response_model=PlanRead,
    summary="One plan",
    responses=error_responses(*AGENCY, NotFound),
)
async def read_plan(plan_id: str, principal: BillingRead) -> BillingPlan:
    return await service.get_plan(principal, plan_id)


@router.post(
    "/plans/{plan_id}/change",
    response_model=PlanRead,
    summary="Move a plan to another price (or quantity) at once, prorated",
    description="The unused time on the old price is credited and the rest of the period on "
    "the new one charged, by the second: more to pay is invoiced and charged now, less is "
    "credited to the next invoices. Same currency and interval only.",
    responses=error_responses(
        *CHANGES, PriceNotRecurring, PriceArchived, PriceMismatch, PlanCanceled, PlanNotRunning
    ),
)
async def change_plan(plan_id: str, body: PlanChange, principal: BillingWrite) -> BillingPlan:
    return await service.change_plan(principal, plan_id, body)


@router.post(
    "/plans/{plan_id}/cancel",
    response_model=PlanRead,
    summary="Cancel a plan at its period's end, or now",
    description="Now voids its open invoices and ends what the sub-account paid for today: "
    "past the grace period (QUEUE_MANAGER_ACCOUNT_GRACE_DAYS) the sub-account is suspended.",
    responses=error_responses(*CHANGES, PlanCanceled),
)
async def cancel_plan(plan_id: str, body: PlanCancel, principal: BillingWrite) -> BillingPlan:
    return await service.cancel_plan(principal, plan_id, body)


@router.post(
    "/plans/{plan_id}/pause",
    response_model=PlanRead,
    summary="Pause a plan: no invoices, the sub-account kept running",
    responses=error_responses(*CHANGES, PlanCanceled, PlanNotRunning),
)
async def pause_plan(plan_id: str, principal: BillingWrite) -> BillingPlan:
    return await service.pause_plan(principal, plan_id)


@router.post(
    "/plans/{plan_id}/resume",
    response_model=PlanRead,
    summary="Resume a paused plan: a new period from now, invoiced and charged",
    responses=error_responses(*CHANGES, PlanNotPaused),
)
async def resume_plan(plan_id: str, principal: BillingWrite) -> BillingPlan:
    return await service.resume_plan(principal, plan_id)


@router.post(
    "/invoices",
    status_code=201,
    response_model=InvoiceRead,
    summary="Invoice one-off prices (a setup fee, an add-on) to a sub-account",
    description="Charged to the sub-account's card at once, then as the dunning schedule says.",
    responses=error_responses(
        *AGENCY, NotFound, PriceNotOneOff, PriceArchived, MixedCurrencies, StripeNotConnected
    ),
)
async def create_invoice(
    body: InvoiceCreate, principal: BillingWrite, payments: Payments
) -> BillingInvoice:
    return await service.create_invoice(principal, payments, body)


@router.get(
    "/invoices",
    response_model=Page[InvoiceRead],
    summary="The account's invoices: the agency's to its sub-accounts, and the platform's to it",
    responses=error_responses(*SIGNED_IN),
)
async def list_invoices(
    principal: BillingRead,
    paging: InvoicePaging,
    status: Annotated[InvoiceStatus | None, Query()] = None,
    sub_account_id: SubAccountFilter = None,
) -> Page[BillingInvoice]:
    return await service.list_invoices(principal, paging, status, sub_account_id)


@router.get(
    "/invoices-to-pay",
    response_model=Page[InvoiceRead],
    summary="The invoices the account is to pay (a sub-account's from its agency)",
    responses=error_responses(*SIGNED_IN),
)
async def list_invoices_to_pay(principal: BillingRead, paging: Paging) -> Page[BillingInvoice]:
    return await service.list_invoices_to_pay(principal, paging)


@router.get(
    "/invoices/{invoice_id}",
    response_model=InvoiceRead,
    summary="One invoice",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_invoice(invoice_id: str, principal: BillingRead) -> BillingInvoice:
    return await service.readable_invoice(principal, invoice_id)


@router.get(
    "/invoices/{invoice_id}/pdf",
    summary="An invoice as a PDF, for the account that sent it or the one to pay it",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}}, **error_responses(*SIGNED_IN, NotFound)},
)
async def read_invoice_pdf(invoice_id: str, principal: BillingRead, settings: Settings) -> Response:
    invoice = await service.readable_invoice(principal, invoice_id)
    pdf = await invoice_pdf(invoice, settings.chromium_path)
    disposition = f'attachment; filename="invoice-{invoice.number}.pdf"'
    return Response(pdf, media_type="application/pdf", headers={"content-disposition": disposition})


@router.post(
    "/invoices/{invoice_id}/attempt",
    response_model=InvoiceRead,
    summary="Try an open invoice's payment again now, not at its scheduled retry",
    description="By the account that sent it, or the one to pay it (after saving another card).",
    responses=error_responses(*SIGNED_IN, NotFound, InvoiceNotOpen),
)
async def attempt_invoice(invoice_id: str, principal: BillingWrite) -> BillingInvoice:
    return await service.attempt_invoice(principal, invoice_id)


@router.post(
    "/invoices/{invoice_id}/refund",
    response_model=InvoiceRead,
    summary="Refund a paid invoice, in full or in part",
    description="The refund is made through the provider and recorded once (its event, "
    "arriving later, finds it recorded); `invoice.refunded` is published.",
    responses=error_responses(
        *SIGNED_IN,
        NotFound,
        PlatformInvoice,
        InvoiceNotPaid,
        RefundTooLarge,
        PaymentProviderFailed,
        UpstreamError,
    ),
)
async def refund_invoice(
    invoice_id: str, body: RefundCreate, principal: BillingWrite, payments: Payments
) -> BillingInvoice:
    return await service.refund_invoice(principal, payments, invoice_id, body)


ReportMonth = Annotated[str, Query(pattern=r"^\d{4}-\d{2}$", description="YYYY-MM")]


@router.get(
    "/reports/monthly",
    response_model=list[MonthRow],
    summary="MRR, plans started and churned, churn rate and failed payments, by month",
    description="One row per month and currency (never summed across currencies), amounts in "
    "minor units; at most 36 months.",
    responses=error_responses(*AGENCY, BadReportRange),
)
async def monthly_report(
    principal: BillingRead, settings: Settings, first: ReportMonth, last: ReportMonth
) -> list[MonthRow]:
    return await reports.monthly(principal, first, last, settings.default_currency)


@router.get(
    "/reports/monthly.csv",
    summary="The monthly report as CSV, amounts in major units",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}}, **error_responses(*AGENCY, BadReportRange)},
)
async def monthly_report_csv(
    principal: BillingRead, settings: Settings, first: ReportMonth, last: ReportMonth
) -> Response:
    rows = await reports.monthly(principal, first, last, settings.default_currency)
    disposition = f'attachment; filename="billing-{first}-{last}.csv"'
    return Response(
        reports.as_csv(rows),
        media_type="text/csv",
        headers={"content-disposition": disposition},
    )
