"""Every query of the billing module: the agency's catalogue, plans and invoices, scoped to the
agency's account; and an account's own invoices as the payer."""

from beanie import PydanticObjectId

from shared.models.account import Account
from shared.models.billing_coupon import BillingCoupon
from shared.models.billing_invoice import BillingInvoice
from shared.models.billing_plan import BillingPlan
from shared.models.billing_price import BillingPrice
from shared.models.billing_product import BillingProduct
from shared.models.billing_tax_rate import BillingTaxRate
from shared.utilities.repository import OwnedRepository, TenantRepository


class ProductRepository(TenantRepository[BillingProduct]):
    noun = "Product"
    sortable = frozenset({"created_at", "name"})

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(BillingProduct, account_id)


class PriceRepository(TenantRepository[BillingPrice]):
    noun = "Price"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(BillingPrice, account_id)


class TaxRateRepository(TenantRepository[BillingTaxRate]):
    noun = "Tax rate"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(BillingTaxRate, account_id)


class CouponRepository(TenantRepository[BillingCoupon]):
    noun = "Coupon"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(BillingCoupon, account_id)


class PlanRepository(TenantRepository[BillingPlan]):
    noun = "Plan"
    sortable = frozenset({"created_at", "updated_at", "current_period_end"})

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(BillingPlan, account_id)

    async def every(self) -> list[BillingPlan]:
        """All the agency's plans, for its reports."""
        return await self.model.find(self.scoped()).to_list()


class InvoiceRepository(TenantRepository[BillingInvoice]):
    noun = "Invoice"
    sortable = frozenset({"created_at", "updated_at", "total"})

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(BillingInvoice, account_id)


class PayerInvoiceRepository(OwnedRepository[BillingInvoice]):
    """An account's invoices as the one who pays them."""

    noun = "Invoice"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(BillingInvoice, "customer_account_id", account_id)


class SubAccountRepository(OwnedRepository[Account]):
    """The agency's sub-accounts: another agency's answer 404."""

    noun = "Sub-account"

    def __init__(self, agency_id: str | PydanticObjectId) -> None:
        super().__init__(Account, "parent_id", agency_id)
