"""The one write path of CRM contacts, for every process that writes them: the contacts API,
CSV imports, Facebook lead ads, inbound SMS, CallRail calls, live chat and automations alike.

Each write applies the same rules and leaves the same effects:

- `normalising`: each field given, checked and normalised alone, without the database (emails
  lower-cased, phones in E.164 in the account's region, custom values by their definitions);
- `checks`: what needs the database or the whole contact (owners and followers are users of
  the account, the business linked is live, one live contact per email, a person has a name);
- tags ensured (`tags`), search terms and sort key kept (`writing.derive`);
- `effects`: the activity recorded and pushed live, the `contact.*` webhook event, the
  automations watching for each tag added.

`writing` writes one contact (create, update, delete, restore, `contact_for` a provider's
caller), `bulk` many at once with one live summary, `merging` two into one. A batch writer (an
import) reuses the same parts per chunk: one `context_for` for the chunk, `normalised` per row,
`checks.emails_taken` for the chunk in one query, `ContactRepository.insert_many`,
`ActivityRepository.insert_many`, an event per contact (`events.publish_contact_event`), and
one `activities.live.announce_contacts` summary.
"""
