"""/v1/billing: the agency's catalogue, in its own account: products, their prices (archived,
never changed), tax rates and coupons."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from internal_api.billing import catalogue
from internal_api.billing.auth import BillingRead, BillingWrite
from internal_api.billing.errors import AgencyOnly, BadCoupon, BadPrice
from internal_api.billing.repository import ProductRepository
from internal_api.billing.schemas import (
    CouponCreate,
    CouponRead,
    PriceCreate,
    PriceRead,
    ProductCreate,
    ProductRead,
    ProductUpdate,
    TaxRateCreate,
    TaxRateRead,
)
from shared.models.billing_coupon import BillingCoupon
from shared.models.billing_price import BillingPrice
from shared.models.billing_product import BillingProduct
from shared.models.billing_tax_rate import BillingTaxRate
from shared.utilities.errors import SIGNED_IN, NotFound, error_responses
from shared.utilities.pagination import Page, PageParams, Paging, sorted_by

router = APIRouter(prefix="/v1/billing", tags=["billing"])

AGENCY = (*SIGNED_IN, AgencyOnly)
ProductPaging = Annotated[PageParams, Depends(sorted_by(ProductRepository.sortable))]


@router.post(
    "/products",
    status_code=201,
    response_model=ProductRead,
    summary="Add a product the agency sells its sub-accounts",
    responses=error_responses(*AGENCY),
)
async def create_product(body: ProductCreate, principal: BillingWrite) -> BillingProduct:
    return await catalogue.create_product(principal, body)


@router.get(
    "/products",
    response_model=Page[ProductRead],
    summary="The agency's products",
    responses=error_responses(*AGENCY),
)
async def list_products(principal: BillingRead, paging: ProductPaging) -> Page[BillingProduct]:
    return await catalogue.list_products(principal, paging)


@router.patch(
    "/products/{product_id}",
    response_model=ProductRead,
    summary="Rename, describe or archive a product",
    responses=error_responses(*AGENCY, NotFound),
)
async def update_product(
    product_id: str, body: ProductUpdate, principal: BillingWrite
) -> BillingProduct:
    return await catalogue.update_product(principal, product_id, body)


@router.post(
    "/prices",
    status_code=201,
    response_model=PriceRead,
    summary="Add a price to a product: once, or every interval (a plan, with its trial)",
    description="Minor units of an ISO 4217 currency. A price never changes: archive it and "
    "add another; its plans keep it.",
    responses=error_responses(*AGENCY, NotFound, BadPrice),
)
async def create_price(body: PriceCreate, principal: BillingWrite) -> BillingPrice:
    return await catalogue.create_price(principal, body)


@router.get(
    "/prices",
    response_model=Page[PriceRead],
    summary="The agency's prices, of one product or all",
    responses=error_responses(*AGENCY, NotFound),
)
async def list_prices(
    principal: BillingRead, paging: Paging, product_id: Annotated[str | None, Query()] = None
) -> Page[BillingPrice]:
    return await catalogue.list_prices(principal, paging, product_id)


@router.post(
    "/prices/{price_id}/archive",
    response_model=PriceRead,
    summary="Archive a price: no new plan on it, its plans keep it",
    responses=error_responses(*AGENCY, NotFound),
)
async def archive_price(price_id: str, principal: BillingWrite) -> BillingPrice:
    return await catalogue.archive_price(principal, price_id)


@router.post(
    "/tax-rates",
    status_code=201,
    response_model=TaxRateRead,
    summary="Add a tax rate, added to prices or included in them",
    responses=error_responses(*AGENCY),
)
async def create_tax_rate(body: TaxRateCreate, principal: BillingWrite) -> BillingTaxRate:
    return await catalogue.create_tax_rate(principal, body)


@router.get(
    "/tax-rates",
    response_model=Page[TaxRateRead],
    summary="The agency's tax rates",
    responses=error_responses(*AGENCY),
)
async def list_tax_rates(principal: BillingRead, paging: Paging) -> Page[BillingTaxRate]:
    return await catalogue.list_tax_rates(principal, paging)


@router.post(
    "/coupons",
    status_code=201,
    response_model=CouponRead,
    summary="Add a coupon: a percentage or an amount off, once, for months or forever",
    responses=error_responses(*AGENCY, BadCoupon),
)
async def create_coupon(body: CouponCreate, principal: BillingWrite) -> BillingCoupon:
    return await catalogue.create_coupon(principal, body)


@router.get(
    "/coupons",
    response_model=Page[CouponRead],
    summary="The agency's coupons",
    responses=error_responses(*AGENCY),
)
async def list_coupons(principal: BillingRead, paging: Paging) -> Page[BillingCoupon]:
    return await catalogue.list_coupons(principal, paging)
