"""A finding's steps that the rectification ledger (整改台账, the evaluation service's) follows. Pure.

Issuing a finding puts its opinion in the ledger, as an item the congress raises for the court or
procuratorate; from then on each step of the finding that changes what the unit owes is logged here, in the
transaction of the step, for the relay (``ledger_items``) to take into the item in the same order — so that
nobody types the same thing twice and the ledger's six lists stay true:

    finding                                   ledger item
    issued                                    raised (problem, the opinion as 整改要求, the due date)
    answered: accepts, with its measures      the unit's plan
    explanation accepted (closed)             withdrawn, with the reason
    rectification reported                    the unit's final report
    report sent back                          close-out graded 不满意: back to rectifying, same due date
    closed out (销号)                          close-out graded 满意

An answer that explains, and an explanation rejected, change nothing in the item (it stays open, awaiting the
unit). A finding issued before its steps were logged is not followed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class LedgerStepKind(StrEnum):
    RAISE = "raise"
    PLAN = "plan"
    WITHDRAW = "withdraw"
    REPORT = "report"
    SEND_BACK = "send_back"
    CLOSE_OUT = "close_out"


# The steps the court or procuratorate takes; the organizers take the others.
UNIT_STEPS = frozenset({LedgerStepKind.PLAN, LedgerStepKind.REPORT})


@dataclass(frozen=True, slots=True)
class LedgerStep:
    """Who took the step and when (the ledger records it at that moment, and knows a retry by it);
    ``record``: which of the finding's answers, decisions, reports or send-backs it carries."""

    kind: LedgerStepKind
    by: str
    by_name: str
    at: datetime
    record: int = 0
