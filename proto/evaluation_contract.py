"""Write the evaluation service's ``evaluation.proto``: its RPCs (below) and one request message per command
dataclass of the domain, of the same name and fields (``wulian.kit.command_messages``). A command that acts
on an object travels in ``<Command>Request {id, command}``. ``tests/unit/evaluation/test_contract.py``
checks that the written file is this script's output and that every command round-trips.

    python proto/evaluation_contract.py > proto/wulian/evaluation/v1/evaluation.proto && make proto
"""

from __future__ import annotations

import dataclasses
import inspect
import sys
import typing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from services.evaluation import appraisals, ballots, project_commands, rectification_commands
from wulian.kit.command_messages import nested_dataclasses, proto_field_type

# An RPC: (name, request, response, comment). A request is a command dataclass (its message), ``(cls,)``
# for ``<cls>Request {id, command}``, or the name of a fixed message below.
Rpc = tuple[str, "type | tuple[type] | str", str, str]
SECTIONS: list[tuple[str, list[Rpc]]] = [
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

FIXED = """message Ref {
  string id = 1;
}

message ReasonRequest {
  string id = 1;
  string reason = 2;
}

// An object as the caller may see it: `json` is its read model (UTF-8 JSON object).
message Document {
  string id = 1;
  int64 version = 2;
  string json = 3;
}

message ListRequest {
  int32 page_size = 1;
  string page_token = 2;
  map<string, string> filters = 3;
}

message ListResponse {
  repeated string items = 1;                  // JSON read models, as in Document.json
  string next_page_token = 2;
  int32 total = 3;
  map<string, int32> counts = 4;              // per status: all that roles without rows see
}"""


def request_name(request: type | tuple[type] | str) -> str:
    if isinstance(request, str):
        return request
    if isinstance(request, tuple):
        return f"{request[0].__name__}Request"
    return request.__name__


def service() -> str:
    lines = ["service EvaluationService {"]
    for i, (title, rpcs) in enumerate(SECTIONS):
        lines += [*([""] if i else []), f"  // {title}"]
        for name, request, response, comment in rpcs:
            tail = f"  // {comment}" if comment else ""
            argument = request_name(request)
            if argument == name:  # inside the service, the bare name would be the method
                argument = f".wulian.evaluation.v1.{argument}"
            lines.append(f"  rpc {name}({argument}) returns ({response});{tail}")
    return "\n".join([*lines, "}"])


def message(cls: type) -> str:
    hints = typing.get_type_hints(cls)
    written = inspect.cleandoc(cls.__doc__ or "")
    if written.startswith(f"{cls.__name__}("):  # the signature dataclasses writes when there is no docstring
        written = ""
    doc = [f"// {line}".rstrip() for line in written.splitlines()]
    fields = [f"  {proto_field_type(hints[f.name])} {f.name} = {n};"
              for n, f in enumerate(dataclasses.fields(cls), start=1)]  # fmt: skip
    return "\n".join([*doc, f"message {cls.__name__} {{", *fields, "}"])


def messages() -> list[str]:
    written: list[type] = []
    wrappers: list[str] = []
    for _, rpcs in SECTIONS:
        for _, request, _, _ in rpcs:
            if isinstance(request, str):
                continue
            cls = request[0] if isinstance(request, tuple) else request
            written += [c for c in nested_dataclasses(cls) if c not in written]
            if isinstance(request, tuple):
                wrappers.append(
                    f"message {cls.__name__}Request {{\n  string id = 1;\n  {cls.__name__} command = 2;\n}}"
                )
    names = [c.__name__ for c in written]
    duplicated = {n for n in names if names.count(n) > 1}
    if duplicated:
        raise SystemExit(f"two commands share a name: {sorted(duplicated)}")
    return [message(c) for c in written] + wrappers


def contract() -> str:
    return "\n\n".join([HEADER, service(), FIXED, *messages()]) + "\n"


if __name__ == "__main__":
    sys.stdout.write(contract())
