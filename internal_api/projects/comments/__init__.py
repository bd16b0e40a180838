"""Comments on a task, mentioning users of the account as `<@user_id>`."""
