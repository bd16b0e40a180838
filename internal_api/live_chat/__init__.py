"""Live chat (`/v1/live-chat/...`): an account's widget keys (`widgets`), and the prospects
visitors become (`prospects`): the contact a visitor's new email makes, asked for by the
general socket, and an agent confirming that a visitor is a known contact."""
