"""Tipalti, the payer of an account's affiliate payouts: payees onboarded through Tipalti's
iFrame, payments submitted in batches and their status read back (REST API v1)."""
