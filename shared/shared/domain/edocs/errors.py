"""What templates, documents and signing may refuse, each case with its own code."""

from shared.utilities.errors import Conflict, Gone, InvalidInput, NotFound


class UnknownMergeFields(InvalidInput):
    """The template names merge fields there are none of: `details` name each
    (`merge_field`)."""

    code, message = "unknown_merge_fields", "The template names unknown merge fields."


class InvalidTemplate(InvalidInput):
    """The template's body is not a template that renders (a syntax error, a forbidden
    operation)."""

    code, message = "invalid_template", "The template cannot be rendered."


class InvalidSignature(InvalidInput):
    """The drawn signature is not a PNG data URL of at most the allowed size, or the typed
    name is empty."""

    code, message = "invalid_signature", "The signature is invalid."


class DocumentTampered(Conflict):
    """The stored document no longer matches the hash it was frozen with (or its signatures
    their own): it is neither shown nor signed, and nothing is recorded."""

    code, message = "document_tampered", "The document was changed after it was sent."


class DocumentNotDraft(Conflict):
    """The document was sent already: it can no longer be changed nor sent again."""

    code, message = "document_not_draft", "The document was sent already."


class DocumentNotOpen(Conflict):
    """The document is no longer out for signature (completed, declined or voided)."""

    code, message = "document_not_open", "The document is no longer out for signature."


class DocumentExpired(Gone):
    """The document was not signed in time: it can no longer be signed."""

    code, message = "document_expired", "The document expired and can no longer be signed."


class NotYourTurn(Conflict):
    """A signer before this one has not signed yet, or this one has signed or declined."""

    code, message = "not_your_turn", "This signer cannot sign now."


class SigningLinkInvalid(NotFound):
    """The signing link is not one the platform made, or was replaced: it shows nothing."""

    code, message = "signing_link_invalid", "This signing link is not valid."


class PdfNotReady(Conflict):
    """The final PDF is made once every signer has signed, in the background."""

    code, message = "pdf_not_ready", "The signed PDF is not ready yet."
