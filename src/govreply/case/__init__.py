"""The case file: a suggestion or proposal, the units handling it, their letters, feedback, history.

Systems that handle deputies' suggestions and members' proposals (人大代表建议 / 政协提案
办理系统) keep a record around each reply letter and exchange it between the congress or CPPCC
office, the government office and the handling units. A :class:`CaseFile` is that record:

- the :class:`Submission` itself (number, title, signers, group, key item and its supervisor,
  merged items);
- how it is handled (:class:`HandlingType`: 单办, 分办, 会办) and one :class:`Assignment` per
  unit (role 主办 / 协办 / 会办 / 分办 / 单办, assigned on, deadline, signed for, status);
- the classification the lead unit proposed and the one the supervising office approved;
- the reply letters and co-handling opinions (:class:`~govreply.model.ReplyLetter`);
- the :class:`Feedback` of each deputy (the filled-in 征询意见表 as data);
- the history, an append-only list of :class:`Event` (who, when, what).

:meth:`CaseFile.from_letter` builds one from a parsed letter and its record header; the JSON
and XML formats write and read it (:func:`govreply.formats.json.dumps_case`,
:func:`govreply.formats.xml.dumps_case`); :func:`check_case` checks it:

>>> import datetime, attrs
>>> from govreply.examples import seed_letter
>>> letter = attrs.evolve(seed_letter(), date=datetime.date(2024, 6, 20))
>>> case = CaseFile.from_letter(letter, {"交办日期": "2024-03-01"})
>>> for finding in check_case(case):
...     print(finding)
GC211 error letters[0].date: 赣州市赣县区教育科技体育局 wrote on 2024-06-20,
    after its deadline 2024-06-01

Codes are stable: systems may filter on them. As for letters (:mod:`govreply.rules`), an
**error** is a missing part or two parts that contradict each other, a **warning** something
present but unusual.

===== ======= ==================================================== ===================
code  level   rule                                                 source
===== ======= ==================================================== ===================
GC101 error   submission has neither a number nor a title          consistency
GC102 error   signers total smaller than the signers named         consistency
GC103 warning congress body does not fit the item kind             consistency
GC104 warning group kind does not fit the item kind                handling practice
GC105 warning key item without a supervising leader                handling practice
GC106 warning submission names no signer and no group              consistency
GC201 error   no lead unit (主办, 分办 or 单办)                    handling practice
GC202 error   more than one 主办 or 单办 unit                      handling practice
GC203 error   unit role does not fit the handling type             handling practice
GC204 error   a unit holds two active assignments                  consistency
GC205 error   signed for or due before it was assigned             consistency
GC210 error   deadline beyond the allowed period                   handling practice
GC211 error   reply dated after its deadline                       handling practice
GC212 error   co-handling opinion dated after its deadline         handling practice
GC213 error   no letter and the deadline has passed                handling practice
GC214 warning status differs from the unit's last event            consistency
GC301 error   answered item lacks a unit's letter                  handling practice
GC302 error   letter from a unit that holds no assignment          consistency
GC303 warning letter names no unit (no issuer or signature)        consistency
GC304 error   letter role does not fit the unit's role             consistency
GC305 error   key item not answered by its lead unit               handling practice
GC310 error   letter's item kind differs from the submission's     consistency
GC311 error   letter's item number differs from the submission's   consistency
GC312 error   letter's item title differs from the submission's    consistency
GC313 error   letter's congress differs from the submission's      consistency
GC314 error   reply's classification differs from the proposed one consistency
GC320 error   form's item number differs from the submission's     consistency
GC321 error   form's item title differs from the submission's      consistency
GC322 error   form's congress differs from the submission's        consistency
GC323 error   form's classification differs from the proposed one  consistency
GC401 error   feedback is in but no approved classification        handling practice
GC402 warning feedback from someone who did not sign the item      consistency
GC403 warning feedback dated before the reply                      consistency
GC404 error   feedback differs from the letter's filled-in form    consistency
GC405 error   a respondent rated the same unit twice               consistency
GC406 warning feedback rates a unit that holds no assignment       consistency
GC501 error   history not in time order                            consistency
GC502 error   illegal state transition                             handling practice
GC503 warning event names a unit that holds no assignment          consistency
===== ======= ==================================================== ===================

What the rules read:

- **Units** are matched by name, spaces aside: a letter belongs to the unit named by its
  ``issuer`` (else ``signed_by``), an event or a feedback to the unit it names. An assignment
  whose ``status`` is 退回 (returned) no longer counts; a unit that answers the deputy is
  主办, 分办 or 单办, a co-handler 协办 or 会办.
- **Handling types** (GC202–GC203): 单办 has one 单办 unit; 会办 one 主办 unit and co-handlers;
  分办 any number of 分办 units, with or without co-handlers.
- **Deadlines** (GC205, GC210–GC213): a unit that answers the deputy has three months from the
  day the item was assigned (six with an approved extension, ``extended``); a co-handler has one
  month to give its opinion. A recorded ``deadline`` later than that is GC210; without one, the
  period itself is the limit (:func:`time_limit`). A letter's ``date`` after the limit is late;
  GC213 (overdue, no letter yet) is reported only when ``today`` is given.
- **Letters** (GC301–GC305): once the item is answered (a case-level 答复, 评价 or 办结 event,
  or any feedback) every active unit should have its letter; so should a unit whose status is
  答复 or later. A reply (``role`` reply) comes from a unit that answers the deputy, an opinion
  from a co-handler. A key item needs a reply from its lead unit.
- **Agreement** (GC310–GC323): the letter's reference and its feedback form's item are compared
  with the submission only where both sides are known; numbers as integers (else as printed),
  titles without spaces and enclosing 《》, congresses by body, term and session. A reply's and
  a form's classification must be the proposed one; the approved one may differ (the office
  may change it on review).
- **Feedback** (GC401–GC406): once feedback is in, the approved class must be recorded. A
  feedback is compared with the filled-in form of each letter addressed to its respondent.
- **History** (GC501–GC503): events must be in time order. Each event with a ``state`` must be
  a legal move (:data:`TRANSITIONS`) from the state before it: for a unit's event, that unit's
  previous state (or, for its first, the item's last case-level state); for a case-level event
  (no ``unit``), the state recorded just before it, whoever's it was.
"""

from __future__ import annotations

from govreply.case._casefile import CaseFile
from govreply.case._enums import (
    CommunicationMode,
    GroupKind,
    HandlingType,
    SessionPeriod,
    State,
    UnitRole,
)
from govreply.case._handling import Assignment, Event, Feedback
from govreply.case._metadata import METADATA_KEYS
from govreply.case._rules import (
    CASE_RULES,
    CO_HANDLING_MONTHS,
    EXTENDED_MONTHS,
    REPLY_MONTHS,
    TRANSITIONS,
    add_months,
    check_case,
    time_limit,
)
from govreply.case._submission import Group, Submission

__all__ = [
    "CASE_RULES",
    "CO_HANDLING_MONTHS",
    "EXTENDED_MONTHS",
    "METADATA_KEYS",
    "REPLY_MONTHS",
    "TRANSITIONS",
    "Assignment",
    "CaseFile",
    "CommunicationMode",
    "Event",
    "Feedback",
    "Group",
    "GroupKind",
    "HandlingType",
    "SessionPeriod",
    "State",
    "Submission",
    "UnitRole",
    "add_months",
    "check_case",
    "time_limit",
]


def __dir__() -> list[str]:
    return list(__all__)
