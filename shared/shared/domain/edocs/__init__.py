"""E-documents: templates with merge fields, documents sent to signers in order, the public
signing of them, their audit trail and final PDF. One domain layer the internal API (templates,
documents, the signing API) and the queue manager (the final PDF, reminders, expiry) call.

- `merging`: templates' bodies sanitised, their merge fields rendered in Jinja2's sandbox.
- `drafting`: a document's content from its template and records.
- `sending`: a draft frozen (its content's SHA-256) and its first signer invited.
- `voiding`: a document out for signature withdrawn by the account.
- `signing`: the public side, by a signer's signed link (`links`): view, sign, decline.
- `integrity`: the hash check every view and signature passes first (`document_tampered`).
- `completion`: the last signature's effects: the final PDF queued, `document.signed`, the
  automations, a proposal's deal won.
- `final_pdf`: the PDF with the signatures and a certificate page, stored once.
- `reminders`: the cron's reminders and expiry.
- `audit`: the trail, each step with who, where from, and the hashes before and after.
"""
