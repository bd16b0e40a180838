"""Support conversations (kind `support`): an account's users and the team supporting it, its
agency or the platform's support account. Whichever process stores their messages (the REST
API, the conversation socket), through the one message write path
(`shared.domain.messages.posting`), which calls in here:

- `sides`: who a message is from, the customer or the supporting team, stamped on it with its
  delivery status (`sent`);
- `posted`: what a new message does: a customer's opens a snoozed or resolved conversation
  again, starts the wait for an answer and has the assignee (or the team) told
  (QM_SUPPORT_NOTIFICATION); a teammate's answer ends the wait and is told to the customers;
- `inbox`: assigning, snoozing until a time, resolving and reopening, each a conditional
  update announced live as `support:updated`;
- `statuses`: receipts (delivered, read) moving the other side's messages' status forward
  (QM_SUPPORT_MESSAGE_STATUS), announced as `support:message_status`;
- `due`: the crons: snoozes that have come due (QM_SUPPORT_SNOOZE), waits gone on too long
  (QM_SUPPORT_COMMUNICATION_CHECK);
- `notices`: the platform messages sent to the team and to the customers.

Every query is in `repository`.
"""
