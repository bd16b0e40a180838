"""What a client may send of a message, wherever it posts one (the API or the socket)."""

from shared.models.conversation_message import Attachment
from shared.utilities.schemas import WriteModel


class AttachmentWrite(WriteModel, Attachment):
    """An attachment as sent: the stored shape, with unknown fields refused and every value
    storable."""
