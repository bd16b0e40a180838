"""Live chat (`/v1/live-chat/...`): an account's widget keys (`widgets`), and the prospects
visitors become (`prospects`): what a visitor says they are, and an agent confirming that a
visitor is a known contact."""
