"""Automation rules at work: a rule's run, stored pending by internal_api when its trigger
happens (a deal entering a stage, a tag added to a contact), has its actions run here, each
action's outcome recorded on the run (`AutomationLog`)."""
