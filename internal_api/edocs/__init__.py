"""E-documents: templates with merge fields, documents sent to signers in order (signed in),
and the public signing API each signer's link opens (no session). The rules are the domain's
(`shared.domain.edocs`)."""
