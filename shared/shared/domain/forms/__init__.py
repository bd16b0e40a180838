"""Forms' submissions, processed the same whichever process receives them (the public route
today, an import or a queue tomorrow): `submitting.submit`.

- `answers`: each answer read and checked by its field's kind and rules, every bad one named;
- `mapping`: where a field's answer goes on the contact (`first_name`, `emails`,
  `address.city`, `custom.<key>`), and the contact fields a submission's answers make;
- `submitting`: the submission stored first (the idempotency record), then the contact through
  the one contact write path, the lead, the form's tags and deal;
- `effects`: `form.submitted` for webhooks, the automations watching the form, the new-lead
  notification to the form's recipients, all sent with the caller's outbox.
"""
