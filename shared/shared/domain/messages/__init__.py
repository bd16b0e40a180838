"""Conversations and their messages, written the same way by every process that stores them
(the REST API, the conversation socket, the live-chat widget, an inbound SMS):

- `conversations`: who may read a conversation (`visible_to`, the one place that rule is
  written) and opening the kinds that exist once per key (a direct pair, a prospect);
- `posting`: appending a message (once per client id, the last message forward only) and
  announcing it to the socket rooms and webhooks;
- `pointers`: each participant's read and delivered pointers, and unread counts;
- `prospects`: a website visitor's prospect, made on first contact.

Every query is in `repository`.
"""
