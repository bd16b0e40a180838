"""Automations fired, for every process: when a trigger happens (a tag added to a contact, a
deal entering a stage), each enabled rule watching for it gets a pending run, which the queue
manager runs (`triggers.run_automation`)."""
