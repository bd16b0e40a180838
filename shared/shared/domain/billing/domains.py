"""QM_VERIFY_STRIPE_DOMAINS: every agency's proven custom domain registered with its connected
Stripe account as a payment method domain (Apple Pay, Google Pay and Link on the checkout
pages served there), and checked again while Stripe has not validated it. One registration
per agency and domain (its idempotency key names both)."""

from datetime import datetime

from shared.domain.billing import repository
from shared.domain.payments.provider import PaymentProvider
from shared.models.payment_domain import PaymentDomain


async def register_domains(provider: PaymentProvider, now: datetime, batch: int) -> int:
    """Returns how many domains were registered or checked again."""
    checked, after = 0, None
    while agencies := await repository.agencies_with_domains(after, batch):
        for agency in agencies:
            domain = agency.branding.custom_domain
            assert agency.id is not None and domain is not None, "selected by its domain"
            known = await repository.payment_domain(agency.id, domain)
            if known is not None and known.apple_pay_status == "active":
                continue
            connected = await repository.connected_account_of(agency.id)
            if connected is None and provider.name == "stripe":
                continue  # nothing to register it with yet
            key = f"payment-domain:{agency.id}:{domain}"
            status = await provider.register_payment_domain(domain, key, connected)
            await repository.save_payment_domain(
                PaymentDomain(
                    account_id=agency.id,
                    domain=domain,
                    provider_id=status.id,
                    enabled=status.enabled,
                    apple_pay_status=status.apple_pay_status,
                    checked_at=now,
                )
            )
            checked += 1
        after = agencies[-1].id
    return checked
