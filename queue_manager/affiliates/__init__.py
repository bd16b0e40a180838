"""The affiliates queue's work (QM_AFFILIATES): commissions on invoices, payout batches and
their payment through the programme account's Tipalti (through the external API)."""
