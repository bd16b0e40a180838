"""Two-way contact sync with CRMs, provider-neutral: a provider folder in the external API
implements `CrmAdapter`; the engine here pairs its records with contacts, applies changes
both ways through the contact write path, settles conflicts by the account's policy, keeps the
sync's own writes from echoing back, and logs every record's outcome."""
