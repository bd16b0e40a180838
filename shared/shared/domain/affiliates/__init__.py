"""Partner programmes, whichever process writes them: the internal API (programmes,
affiliates, visits, sign-up attribution, payouts marked paid), the queue manager's affiliates
queue (commissions on invoices, payout batches, Tipalti)."""
