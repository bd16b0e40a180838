"""/v1/billing: an agency bills its sub-accounts through its connected Stripe account (Stripe
Connect). Its catalogue (products, prices, tax rates, coupons), its sub-accounts' plans
(trials, proration, cancel, pause), their invoices (PDF, refunds) and reports (MRR, churn,
failed payments, CSV); and every account's card for what it is billed (a sub-account's by its
agency, an agency's by the platform), saved by Stripe SetupIntent. The rules are
`shared.domain.billing`'s, the money moves through `shared.domain.payments`."""
