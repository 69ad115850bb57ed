"""What the document readers (PDF, HTML, DOCX, OFD) share; private.

Each reader turns its document into an :class:`Extraction` (text lines in the layout the text
reader reads, plus findings of its own), and :func:`finish` hands the text to
:func:`govreply.formats.text.parse` and combines both into one :class:`DocumentParseResult`.
"""
