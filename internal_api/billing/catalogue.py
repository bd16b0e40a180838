"""An agency's catalogue: products, their prices (never changed once made: archived and
replaced), tax rates and coupons. Only an agency has one."""

from beanie import PydanticObjectId

from internal_api.billing.errors import AgencyOnly, BadCoupon, BadPrice
from internal_api.billing.repository import (
    CouponRepository,
    PriceRepository,
    ProductRepository,
    TaxRateRepository,
)
from internal_api.billing.schemas import (
    CouponCreate,
    PriceCreate,
    ProductCreate,
    ProductUpdate,
    TaxRateCreate,
)
from shared.models.billing_coupon import BillingCoupon, CouponDuration
from shared.models.billing_price import BillingPrice, PriceKind
from shared.models.billing_product import BillingProduct
from shared.models.billing_tax_rate import BillingTaxRate
from shared.utilities.auth import Principal
from shared.utilities.pagination import Page, PageParams


def agency_of(principal: Principal) -> PydanticObjectId:
    """The caller's account, when it is an agency (its own, not one of its sub-accounts)."""
    if principal.agency_id and principal.agency_id != principal.account_id:
        raise AgencyOnly()
    return PydanticObjectId(principal.account_id)


async def create_product(principal: Principal, body: ProductCreate) -> BillingProduct:
    return await ProductRepository(agency_of(principal)).create(**body.model_dump())


async def list_products(principal: Principal, params: PageParams) -> Page[BillingProduct]:
    return await ProductRepository(agency_of(principal)).paginate(params)


async def update_product(
    principal: Principal, product_id: str, body: ProductUpdate
) -> BillingProduct:
    product = await ProductRepository(agency_of(principal)).get(product_id)
    for name, value in body.model_dump(exclude_unset=True, exclude_none=True).items():
        setattr(product, name, value)
    await product.save()
    return product


async def create_price(principal: Principal, body: PriceCreate) -> BillingPrice:
    agency = agency_of(principal)
    await ProductRepository(agency).get(body.product_id)
    recurring = body.kind is PriceKind.RECURRING
    if recurring != (body.interval is not None) or (body.trial_days and not recurring):
        raise BadPrice(details=[{"field": "interval", "message": BadPrice.message}])
    fields = body.model_dump()
    fields["product_id"] = PydanticObjectId(body.product_id)
    return await PriceRepository(agency).create(**fields)


async def list_prices(
    principal: Principal, params: PageParams, product_id: str | None
) -> Page[BillingPrice]:
    repository = PriceRepository(agency_of(principal))
    if product_id is None:
        return await repository.paginate(params)
    product = await ProductRepository(repository.account_id).get(product_id)
    return await repository.paginate(params, {"product_id": product.id})


async def archive_price(principal: Principal, price_id: str) -> BillingPrice:
    price = await PriceRepository(agency_of(principal)).get(price_id)
    price.active = False
    await price.save()
    return price


async def create_tax_rate(principal: Principal, body: TaxRateCreate) -> BillingTaxRate:
    return await TaxRateRepository(agency_of(principal)).create(**body.model_dump())


async def list_tax_rates(principal: Principal, params: PageParams) -> Page[BillingTaxRate]:
    return await TaxRateRepository(agency_of(principal)).paginate(params)


def check_coupon(body: CouponCreate) -> None:
    percent = body.percent_off_basis_points is not None
    amount = body.amount_off is not None and body.currency is not None
    repeating = body.duration is CouponDuration.REPEATING
    if percent == amount or repeating != (body.duration_in_months is not None):
        raise BadCoupon(
            details=[{"field": "percent_off_basis_points", "message": BadCoupon.message}]
        )


async def create_coupon(principal: Principal, body: CouponCreate) -> BillingCoupon:
    check_coupon(body)
    return await CouponRepository(agency_of(principal)).create(**body.model_dump())


async def list_coupons(principal: Principal, params: PageParams) -> Page[BillingCoupon]:
    return await CouponRepository(agency_of(principal)).paginate(params)
