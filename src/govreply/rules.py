"""Domain rules: GB/T 9704-2012 layout and consistency checks on a reply letter.

:func:`check` reads a :class:`~govreply.model.ReplyLetter` and returns a list of
:class:`~govreply.model.Finding`, ordered by where the problem sits in the letter (the order of
the model's fields, which is the order of GB/T 9704: head, title, addressees, body, attachment
note, signature and date, notes, contact, 抄送, then the attached feedback form). A letter that
follows every rule gives ``[]``.

>>> from govreply.examples import seed_letter
>>> for f in check(seed_letter()):
...     print(f)
GR401 warning attachments[0].label: printed '附', expected 附件
GR410 error signed_by: no issuer signature (发文机关署名)
GR411 error date: no date of issue (成文日期)
GR430 warning cc_stop: the copy line (抄送/抄报) does not end with 。

Codes are stable: systems may filter on them. An **error** is a required part that is missing
or two parts of the letter that contradict each other (the facts are wrong); a **warning** is a
part that is present but printed against the standard or drafting practice (the form is wrong).

===== ======= ==================================================== ==========================
code  level   rule                                                 source
===== ======= ==================================================== ==========================
GR101 warning doc number brackets are not 〔〕                     GB/T 9704-2012 §7.2.4
GR102 warning doc number year is not four digits                   GB/T 9704-2012 §7.2.4
GR103 warning doc number serial has a leading zero                 GB/T 9704-2012 §7.2.4
GR104 warning doc number serial is preceded by 第                  GB/T 9704-2012 §7.2.4
GR105 warning doc number has full-width digits or spaces           GB/T 9704-2012 §7.2.4
GR106 error   doc number incomplete, or printed unlike its fields  consistency
GR200 error   title missing                                        GB/T 9704-2012 §7.3.1
GR201 warning title ends with punctuation                          公文处理办法 (2000) 第十条
GR202 warning title contains layout spaces                         GB/T 9704-2012 §7.3.1
GR203 error   title has unbalanced book-title marks                GB/T 15834-2011 §4.15
GR204 warning title nests book-title marks wrongly                 GB/T 15834-2011 §4.15.3
GR301 warning heading starts with a label of its own               GB/T 9704-2012 §7.3.3
GR302 warning top-level heading ends with punctuation              drafting practice
GR303 warning a level holds a single section                       drafting practice
GR304 warning 一是/二是 enumeration skips or starts late           consistency
GR401 warning attachment note label is not 附件                    GB/T 9704-2012 §7.3.4
GR402 warning attachment name ends with punctuation                GB/T 9704-2012 §7.3.4
GR410 error   issuer signature (signed_by) missing                 GB/T 9704-2012 §7.3.5
GR411 error   date of issue (date) missing                         GB/T 9704-2012 §7.3.5
GR412 warning date's year differs from the doc number's year       consistency
GR420 warning note (附注) not in round brackets （…）              GB/T 9704-2012 §7.3.6
GR430 warning cc line does not end with 。                         GB/T 9704-2012 §7.4.2
GR431 warning a copy entry ends with punctuation                   GB/T 9704-2012 §7.4.2
GR440 warning contact line missing                                 handling practice
GR501 error   addressee total smaller than the names given         consistency
GR502 error   item kind differs from the letter's kind             consistency
GR503 error   title cites another item number                      consistency
GR504 warning opening does not cite the item's number              handling practice
GR505 warning opening does not cite the item's title               handling practice
GR506 warning addressee role does not fit the item kind             consistency
GR601 error   classification not defined by the scheme             classification scheme
GR602 error   form's classification not defined by the scheme      classification scheme
GR603 warning form offers an option that is no classification code classification scheme
GR701 warning form's deputies differ from the addressees           consistency
GR702 error   form's item number differs from the letter's         consistency
GR703 error   form's item title differs from the letter's          consistency
GR704 error   form's options lack the chosen classification        consistency
GR705 error   form's classification differs from the letter's      consistency
GR706 error   form's handler differs from the issuer               consistency
===== ======= ==================================================== ==========================

What the rules read, and what they cannot see:

- **Doc number** (GR101–GR106): only :attr:`DocumentNumber.printed
  <govreply.model.DocumentNumber.printed>` can be misprinted; without it the number prints in
  the standard form ``代字〔YYYY〕N号`` from its fields. A number whose code, year or serial
  could not be read (``〔2019〕来信号``) is GR106.
- **Title** (GR200–GR204): a letter without a title is GR200.
- **Date** (GR411): the model keeps the date as a :class:`datetime.date`, so GB/T 9704's
  "Arabic numerals, full year, no leading zeros" is the renderer's job and cannot fail here;
  GR410 and GR411 are separate findings so a system can tell which part is missing.
- **Sections** (GR301–GR303): labels are derived from depth and position, so they are always
  consecutive and correctly nested; what can go wrong is a heading that carries a label of its
  own (``一、一、…`` after a bad import), a top-level heading ending in punctuation, and a level
  opened for a single section. GR302 looks at top-level headings only: lower levels are often
  run into their paragraph and end with 。 by design. GR304 reads 一是/二是 markers across the
  paragraphs of one block (the letter's paragraphs, or one section's), since letters often
  break a paragraph between items; 一是 may start a new enumeration. It reads every marker
  (:func:`govreply.numerals.find_item_markers`) rather than
  :attr:`Paragraph.items <govreply.model.Paragraph.items>`, which keeps only an in-order run
  and so cannot show a skip.
- **抄送 / 抄报** (GR430–GR431): entries are organ names; whether the printed line ended with
  ``。`` is :attr:`ReplyLetter.cc_stop <govreply.model.ReplyLetter.cc_stop>`.
- **Addressees** (GR501, GR506): a 建议 reply addressed to 委员, or a 提案 reply to 代表, is
  reported (co-handling opinions go to the lead unit and are not checked).
- **Notes** (GR420) are stored as printed, brackets included.
- **Opening** (GR504–GR505): checked only when the letter has one; digits and Chinese numerals
  both count as citing the number.
- **Feedback form** (GR701–GR706): each pair is compared only when both sides are known; titles
  and agency names are compared without spaces and enclosing 《》; the handler is compared only
  on a lead department's reply (``role`` ``reply``).
- **Classification** (GR601–GR602): checked only when a ``scheme`` is given.
"""

from __future__ import annotations

from govreply._rules._back import check_attachments, check_cc, check_feedback_form, check_signature
from govreply._rules._body import check_body
from govreply._rules._front import (
    check_addressees,
    check_classification,
    check_doc_number,
    check_opening,
    check_reference,
    check_title,
)
from govreply._rules._table import RULES, Rule
from govreply.model import ClassificationScheme, Finding, ReplyLetter, get_scheme

__all__ = ["RULES", "Rule", "check"]


def check(
    letter: ReplyLetter, *, scheme: str | ClassificationScheme | None = None
) -> list[Finding]:
    """Check ``letter`` against every rule in the table above.

    >>> from govreply.examples import seed_letter
    >>> [f.code for f in check(seed_letter(), scheme="npc")]
    ['GR601', 'GR401', 'GR410', 'GR411', 'GR430']

    Args:
        letter: the letter to check.
        scheme: a classification scheme, or the name of a registered one (``npc``,
            ``ganxian``); with ``None`` classifications are not checked against a scheme.

    Returns:
        The findings, ordered by where they sit in the letter; ``[]`` for a letter that
        follows every rule.

    Raises:
        ValidationError: ``scheme`` names no registered scheme.
    """
    resolved = get_scheme(scheme) if isinstance(scheme, str) else scheme
    return [
        *check_doc_number(letter.doc_number),
        *check_classification(letter.classification, resolved),
        *check_title(letter.title),
        *check_reference(letter),
        *check_addressees(letter.addressees, "addressees"),
        *check_opening(letter),
        *check_body(letter.paragraphs, letter.sections),
        *check_attachments(letter),
        *check_signature(letter),
        *check_cc(letter),
        *check_feedback_form(letter, resolved),
    ]


def __dir__() -> list[str]:
    return list(__all__)
