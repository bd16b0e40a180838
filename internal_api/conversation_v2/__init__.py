"""Conversations v2 (`/v1/conversation-v2/...`): team channels and groups, direct and client
conversations, prospect conversations, their messages. Messages posted here reach the
conversation socket's rooms exactly as messages sent over the socket do."""
