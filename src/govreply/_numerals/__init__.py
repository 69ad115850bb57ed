"""Private implementation of :mod:`govreply.numerals`; import from there instead."""
