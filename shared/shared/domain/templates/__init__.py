"""The templates library as every process reads it: which templates an account is offered
(the platform's, its agency's and its own), so the internal API's library and the
notifications service's sends agree on it."""
