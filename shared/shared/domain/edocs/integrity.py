"""The check a sent document passes before it is shown or signed: its content still has the
SHA-256 it was frozen with, and each signature its own. A document that fails it was changed
behind the platform's back (in the database): it is refused (DocumentTampered) and nothing is
recorded."""

from collections.abc import Iterable

from shared.domain.edocs.errors import DocumentTampered
from shared.domain.edocs.hashing import sha256
from shared.domain.edocs.signatures import signature_intact
from shared.models.edocs_document import EdocsDocument
from shared.models.edocs_signer import EdocsSigner


def check_intact(document: EdocsDocument, signers: Iterable[EdocsSigner]) -> None:
    if document.content_sha256 is None or sha256(document.content) != document.content_sha256:
        raise DocumentTampered()
    if any(signer.signature and not signature_intact(signer.signature) for signer in signers):
        raise DocumentTampered()
