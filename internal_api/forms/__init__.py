"""Lead-capture forms: the builder (`/v1/forms`, signed in) with versioned definitions and
the submissions read back, and the public pages (`/v1/forms/public/{form_id}`) a website
renders and posts without a session. A submission is processed by the domain
(`shared.domain.forms`)."""
