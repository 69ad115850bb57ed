"""Private implementation of :mod:`govreply.rules`; import from there instead."""
