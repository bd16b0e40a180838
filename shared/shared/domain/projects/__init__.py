"""Projects' work, written the same whichever process writes it (the projects API, an
automation's `create_task`, the projects cron):

- `projects`: a project opened with its first board, a board with its ordered columns;
- `writing`: the one write path of a task (open, change, move, complete, delete), checked by
  `checks`, placed by `positions`, told by `events` (the general socket, the `task.*` webhook
  events) and `notices` (task assigned, mentioned, due);
- `defaults`: the account's default project, for automations that name none;
- `recurrence` and `due`: the cron's reminders and recurring tasks' next occurrences;
- `rich_text`: descriptions sanitised.
"""
