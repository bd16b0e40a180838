"""Where the dashboard shows what a platform message is about: the paths its links open (made
absolute on the account's domain when the message is sent)."""

from urllib.parse import urlencode


def accept_invitation(token: str) -> str:
    return "/accept-invitation?" + urlencode({"token": token})


def reset_password(token: str) -> str:
    return "/reset-password?" + urlencode({"token": token})


def confirm_email(token: str) -> str:
    return "/confirm-email?" + urlencode({"token": token})


def contact(contact_id: object) -> str:
    return f"/contacts/{contact_id}"


def conversation(conversation_id: object) -> str:
    return f"/conversations/{conversation_id}"


def sign_document(token: str) -> str:
    """The public signing page of a document's signer (no session: the token is the link)."""
    return "/sign?" + urlencode({"token": token})


def task(project_id: object, task_id: object) -> str:
    return f"/projects/{project_id}/tasks/{task_id}"


def support_conversation(conversation_id: object) -> str:
    return f"/support/conversations/{conversation_id}"


def wallet() -> str:
    """The account's OneBalance wallet: its balance, movements and auto-reload."""
    return "/onebalance"
