"""Leads: every time a person reaches an account by themselves, recorded with its source and
attribution (`record_lead`), whichever process sees it."""

from shared.domain.leads.recording import record_lead

__all__ = ["record_lead"]
