from datetime import datetime

from pydantic import EmailStr, Field, HttpUrl

from shared.models.affiliate import AffiliateStatus
from shared.models.affiliate_commission import EntryKind
from shared.models.affiliate_payout import PayoutStatus
from shared.models.affiliate_programme import Attribution, CommissionKind, PayoutMethod
from shared.utilities.schemas import DocumentRead, IdStr, ReadModel, WriteModel

Currency = Field(pattern=r"^[A-Z]{3}$", description="ISO 4217")


class ProgrammeWrite(WriteModel):
    name: str = Field(min_length=1, max_length=200)
    active: bool = True
    landing_url: HttpUrl = Field(description="where referral links lead (the sign-up page)")
    attribution: Attribution = Attribution.LAST_TOUCH
    window_days: int = Field(30, ge=1, le=365)
    commission_kind: CommissionKind = CommissionKind.PERCENTAGE
    commission_basis_points: int = Field(2000, ge=0, le=10_000, description="2000 is 20 %")
    commission_amount: int = Field(0, ge=0, description="fixed: minor units of `currency`")
    currency: str = Currency
    recurring_months: int = Field(12, ge=1, le=120)
    min_payout: int = Field(5000, ge=1, description="minor units")
    payout_method: PayoutMethod = PayoutMethod.MANUAL
    approve_signups: bool = True


class ProgrammeRead(DocumentRead):
    name: str
    active: bool
    landing_url: str
    token: str = Field(description="its public sign-up page's id")
    attribution: Attribution
    window_days: int
    commission_kind: CommissionKind
    commission_basis_points: int
    commission_amount: int
    currency: str
    recurring_months: int
    min_payout: int
    payout_method: PayoutMethod
    approve_signups: bool


class AffiliateCreate(WriteModel):
    name: str = Field(min_length=1, max_length=200)
    email: EmailStr


class AffiliateUpdate(WriteModel):
    status: AffiliateStatus


class AffiliateRead(DocumentRead):
    name: str
    email: str
    status: AffiliateStatus
    code: str
    short_url: str
    tipalti_payee_id: str
    payable: bool


class CommissionRead(DocumentRead):
    affiliate_id: IdStr
    referred_account_id: IdStr
    invoice_id: str
    event_id: str
    kind: EntryKind
    amount: int
    currency: str
    invoice_amount: int
    occurred_at: datetime
    payout_id: IdStr | None


class PayoutRead(DocumentRead):
    affiliate_id: IdStr
    amount: int
    currency: str
    method: str
    status: PayoutStatus
    ref_code: str
    problem: str
    paid_at: datetime | None
    paid_by: str


class LeaderRead(ReadModel):
    affiliate_id: str
    name: str
    referrals: int
    earned: int = Field(description="minor units, net of reversals")
    currency: str


class OnboardingRead(ReadModel):
    onboarding_url: str = Field(description="Tipalti's payee iFrame, signed for this affiliate")


class PublicProgrammeRead(ReadModel):
    name: str


class AffiliateSignup(WriteModel):
    name: str = Field(min_length=1, max_length=200)
    email: EmailStr
