"""Write the evaluation service's ``evaluation.proto``: its RPCs (below) and one request message per command
dataclass of the domain, of the same name and fields (``wulian.kit.command_messages``). A command that acts
on an object travels in ``<Command>Request {id, command}``. ``tests/unit/evaluation/test_contract.py``
checks that the written file is this script's output and that every command round-trips.

    python proto/evaluation_contract.py > proto/wulian/evaluation/v1/evaluation.proto && make proto
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from proto.contract_writer import Sections, contract_for
from services.evaluation import appraisals, ballots, project_commands, rectification_commands

SECTIONS: Sections = [
    (
        "部门工作联评 — appraisal campaigns: departments, teams, the commission's references (to the discipline\n"
        "  // roles and each department's team only), activities, the satisfaction ballot, results, rectification.",
        [
            ("CreateAppraisal", appraisals.CampaignPlan, "Document", ""),
            ("EditAppraisal", (appraisals.CampaignPlan,), "Document", "while planned"),
            ("StartAppraisal", "Ref", "Document", ""),
            ("FileReference", (appraisals.FileReference,), "Document", "the discipline commission"),
            ("RecordActivity", (appraisals.RecordActivity,), "Document", "一听取三核查五征求"),
            (
                "CreateAppraisalBallot",
                (appraisals.AppraisalBallot,),
                "Document",
                "the ballot session over the campaign's departments, linked to it; answers the session",
            ),
            ("ConcludeAppraisal", "Ref", "Document", ""),
            ("CancelAppraisal", "ReasonRequest", "Document", ""),
            ("GetAppraisal", "Ref", "Document", ""),
            ("ListAppraisals", "ListRequest", "ListResponse", "filters: year, status"),
            (
                "GetAppraisalFigures",
                "Ref",
                "Document",
                "代表建议办理情况 per department of the campaign's year, counted from the suggestions service's events",
            ),
            (
                "GetAppraisalResults",
                "Ref",
                "Document",
                "the published ranking with the ballot's tally per department; Conflict (409) before the close",
            ),
        ],
    ),
    (
        "无记名测评 — ballot sessions. A ballot is a receipt (session, voter) and counter increments; nothing\n"
        "  // ties the two. Nobody reads a tally before the close.",
        [
            ("CreateBallotSession", ballots.CreateSession, "Document", ""),
            ("EditBallotSession", (ballots.EditSession,), "Document", "a draft only"),
            ("OpenBallotSession", "Ref", "Document", ""),
            ("CastBallot", (ballots.CastBallot,), "Document", "answers the session as the voter now sees it"),
            ("CloseBallotSession", "Ref", "Document", "answers the results"),
            ("CancelBallotSession", "ReasonRequest", "Document", ""),
            ("GetBallotSession", "Ref", "Document", ""),
            ("ListBallotSessions", "ListRequest", "ListResponse", "filters: status, purpose, campaign_id, mine"),
            ("GetBallotResults", "Ref", "Document", "Conflict (409) before the close"),
        ],
    ),
    (
        "整改台账 — the rectification ledger, used by every link.",
        [
            ("RaiseRectification", rectification_commands.RaiseItem, "Document", "in the caller's body's name"),
            (
                "RaiseRectificationForService",
                rectification_commands.RaiseForService,
                "Document",
                "service accounts only; the same source reference and unit answer the same item",
            ),
            (
                "DeclarePlanForService",
                rectification_commands.DeclarePlanForService,
                "Document",
                "service accounts only, for the unit's official named; the same step again has no effect",
            ),
            (
                "ReportRectificationForService",
                rectification_commands.ReportForService,
                "Document",
                "service accounts only, for the unit's official named; the same step again has no effect",
            ),
            (
                "CloseOutRectificationForService",
                rectification_commands.CloseOutForService,
                "Document",
                "service accounts only, for the raising body's official named; 不满意 reopens",
            ),
            (
                "WithdrawRectificationForService",
                rectification_commands.WithdrawForService,
                "Document",
                "service accounts only, for the raising body's official named",
            ),
            ("EditRectification", (rectification_commands.EditItem,), "Document", ""),
            ("WithdrawRectification", "ReasonRequest", "Document", ""),
            ("DeclarePlan", (rectification_commands.DeclarePlan,), "Document", ""),
            ("ReportRectification", (rectification_commands.ReportRectification,), "Document", ""),
            ("CloseOutRectification", (rectification_commands.CloseOutItem,), "Document", "销号; 不满意 reopens"),
            ("AddFollowUp", (rectification_commands.AddFollowUp,), "Document", "回头看"),
            ("GetRectification", "Ref", "Document", ""),
            ("ListRectifications", "ListRequest", "ListResponse", "filters: status, unit, source, overdue"),
            ("ListLedgerSheets", "ListRequest", "ListResponse", "the six lists, one JSON sheet each"),
        ],
    ),
    (
        "民生实事联督 — candidates, the project vote (票决), the projects, progress and joint inspections.",
        [
            ("AddCandidate", project_commands.AddCandidate, "Document", ""),
            ("EditCandidate", (project_commands.EditCandidate,), "Document", ""),
            ("WithdrawCandidate", "ReasonRequest", "Document", ""),
            ("GetCandidate", "Ref", "Document", ""),
            ("ListCandidates", "ListRequest", "ListResponse", "filters: year, status"),
            ("CreateProjectVote", project_commands.CreateVote, "Document", ""),
            ("EditProjectVote", (project_commands.EditVote,), "Document", ""),
            ("OpenProjectVote", "Ref", "Document", ""),
            ("CastPicks", (project_commands.CastPicks,), "Document", "answers the vote as the voter now sees it"),
            ("CloseProjectVote", "Ref", "Document", "answers the vote with its results"),
            ("CreateRunoff", (project_commands.CreateRunoff,), "Document", "Ref: the tied vote"),
            ("CancelProjectVote", "ReasonRequest", "Document", ""),
            ("GetProjectVote", "Ref", "Document", ""),
            ("ListProjectVotes", "ListRequest", "ListResponse", "filters: year, status"),
            ("GetProject", "Ref", "Document", ""),
            ("ListProjects", "ListRequest", "ListResponse", "filters: year, unit, status"),
            ("ReportProgress", (project_commands.ReportProgress,), "Document", ""),
            (
                "RecordInspection",
                (project_commands.RecordInspection,),
                "Document",
                "each problem becomes a rectification item in the same transaction",
            ),
            ("LinkSatisfactionSession", (project_commands.LinkSatisfactionSession,), "Document", ""),
        ],
    ),
]

HEADER = """syntax = "proto3";

package wulian.evaluation.v1;

import "google/protobuf/timestamp.proto";

// 联评联督: the evaluation service. Written by proto/evaluation_contract.py from the domain's commands.
//
// Requests are the domain's commands, field for field (dates as ISO 8601 text, quantities as decimal
// text). Answers carry the read model of the object as the caller may see it, as a JSON document: the
// service decides what each caller sees, once, and the gateway passes it on unchanged."""


def contract() -> str:
    return contract_for(HEADER, "EvaluationService", "wulian.evaluation.v1", SECTIONS)


if __name__ == "__main__":
    sys.stdout.write(contract())
