"""The write path of deals that several processes share: a deal opened on a stage (by a user
through the deals API, or by the platform for a form submission) takes its place on the
stage, is recorded in the activity log, publishes `deal.created` and fires the automations
watching the stage (`writing.open_deal`); moves and changes record and publish the same way
(`writing.recorded`)."""
