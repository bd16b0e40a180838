"""Stripe Connect: an account connects its Stripe account (OAuth); its customers,
subscriptions and charges are copied into the billing collections by a sync and kept current
by the signed webhook (`Stripe-Signature`)."""
