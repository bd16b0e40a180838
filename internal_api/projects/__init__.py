"""Projects (`/v1/projects`): an account's projects, their boards with ordered columns, the
tasks on them (assignees, due dates and reminders, priority, labels, checklists, sub-tasks,
attachments, links to a contact or a deal), comments with mentions, time entries, and
templates instantiated for the account or one of its client sub-accounts.

A project belongs to one account: a client's project lives in the client's sub-account, where
its users see it (its members, clients included, and the agency's owners and admins, who act in
every sub-account). Tasks are written through the domain (`shared.domain.projects`), the same
path automations and the projects cron take. Each sub-folder is one resource: routes (HTTP
only), schemas and service; `repository.py` holds the queries of the resources the domain does
not write (comments, time entries, templates).
"""
