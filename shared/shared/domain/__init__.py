"""The domain layer: behaviour that several processes need, written once.

A contact written by the contacts API, an import task and a provider's webhook; a message
appended by the API, a socket and an inbound SMS; a user notified by any of them: each entity
has one write path here, with its rules and side effects (activity, socket emits, webhook
events, automations), whichever process calls it. Each package holds a `repository.py` (every
query it makes) and modules of plain functions, with no HTTP types.
"""
