"""Leads: every time a person reaches an account by themselves, recorded with its source and
attribution (`record_lead`, or a `Touch` handed to the contact write path), whichever process
sees it."""

from shared.domain.leads.recording import Touch, record_lead

__all__ = ["Touch", "record_lead"]
