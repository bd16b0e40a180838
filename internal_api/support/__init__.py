"""The support inbox (`/v1/support/...`): support conversations between an account's users and
the team supporting it (its agency, or the platform's support account), assigned, snoozed and
resolved; the team's canned replies; the bot's first answer. Their messages are posted, read
and received through the conversations API and the conversation socket like any other
conversation's (`shared.domain.messages`), which hand support's part to
`shared.domain.support`."""
