"""A tax rate an agency charges on invoices (a VAT, a sales tax), in basis points."""

from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class BillingTaxRate(TenantDocument):
    """`account_id` is the agency charging it."""

    name: str  # "VAT", "CA sales tax"
    basis_points: int  # 2000 = 20 %
    # Included in the prices (the tax is the part of the amount) or added on top of them.
    inclusive: bool = False
    active: bool = True

    class Settings:
        name = "billing_tax_rates"
        indexes = [IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)])]
