"""Write the consultation service's ``consultation.proto`` from its RPCs (below) and the domain's commands
(``proto/contract_writer.py``). ``tests/unit/consultation/test_contract.py`` checks that the written file is
this script's output and that every command round-trips.

    python proto/consultation_contract.py > proto/wulian/consultation/v1/consultation.proto && make proto
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from proto.contract_writer import Sections, contract_for
from services.consultation import analyses, bulletins, consultation_commands, meeting_commands, plan_commands

SECTIONS: Sections = [
    (
        "监督工作计划 — the congress's supervision plan (or the commission's draft work report): items, proposals,\n"
        "  // every version, approval, in-year adjustments with their reasons, links to the work done.",
        [
            ("CreatePlan", plan_commands.CreatePlan, "Document", ""),
            ("AddPlanItem", (plan_commands.AddItem,), "Document", "a new version"),
            ("EditPlanItem", (plan_commands.EditItem,), "Document", "a new version"),
            ("RemovePlanItem", (plan_commands.RemoveItem,), "Document", "a new version"),
            ("ProposePlanItem", (plan_commands.ProposeItem,), "Document", "committees, deputies, other bodies"),
            ("AcceptProposal", (plan_commands.AcceptProposal,), "Document", "the item enters a new version"),
            ("DeclineProposal", (plan_commands.DeclineProposal,), "Document", ""),
            ("ApprovePlan", (plan_commands.ApprovePlan,), "Document", ""),
            ("LinkWork", (plan_commands.LinkWork,), "Document", "an item → an appraisal, a review batch, a project"),
            ("UnlinkWork", (plan_commands.UnlinkWork,), "Document", ""),
            ("GetPlan", "Ref", "Document", "with every version the caller may see"),
            ("ListPlans", "ListRequest", "ListResponse", "filters: year, kind, owner, status"),
        ],
    ),
    (
        "征求意见 — consultations on a plan's version, opinions per item or in general, their adoption.",
        [
            ("OpenConsultation", (consultation_commands.OpenConsultation,), "Document", "Ref: the plan"),
            ("CloseConsultation", (consultation_commands.CloseConsultation,), "Document", ""),
            ("GetConsultation", "Ref", "Document", ""),
            ("ListConsultations", "ListRequest", "ListResponse", "filters: plan_id, status"),
            ("GiveOpinion", (consultation_commands.GiveOpinion,), "Document", "Ref: the consultation"),
            ("RecordAdoption", (consultation_commands.RecordAdoption,), "Document", "采纳 / 部分采纳 / 不予采纳"),
            ("GetOpinion", "Ref", "Document", ""),
            ("ListOpinions", "ListRequest", "ListResponse", "filters: consultation_id, plan_id, status"),
        ],
    ),
    (
        "联席会议 — joint meetings: agenda, attendees, minutes, decisions, action items that fall due.",
        [
            ("ConveneMeeting", meeting_commands.ConveneMeeting, "Document", ""),
            ("RecordMinutes", (meeting_commands.RecordMinutes,), "Document", ""),
            ("AmendMinutes", (meeting_commands.AmendMinutes,), "Document", ""),
            ("AddActionItem", (meeting_commands.AddActionItem,), "Document", ""),
            ("CompleteActionItem", (meeting_commands.CompleteActionItem,), "Document", ""),
            ("CancelActionItem", (meeting_commands.CancelActionItem,), "Document", ""),
            ("CloseMeeting", "Ref", "Document", "once no action item is open"),
            ("CancelMeeting", (meeting_commands.CancelMeeting,), "Document", ""),
            ("GetMeeting", "Ref", "Document", ""),
            ("ListMeetings", "ListRequest", "ListResponse", "filters: status"),
        ],
    ),
    (
        "通报 and 联合研判 — bulletins to chosen bodies, read and acknowledged; joint analysis notes.",
        [
            ("IssueBulletin", bulletins.IssueBulletin, "Document", ""),
            ("AcknowledgeBulletin", "Ref", "Document", "once per reader; again changes nothing"),
            ("WithdrawBulletin", (bulletins.WithdrawBulletin,), "Document", ""),
            ("GetBulletin", "Ref", "Document", ""),
            ("ListBulletins", "ListRequest", "ListResponse", "filters: kind, status, unread"),
            ("OpenAnalysis", analyses.OpenAnalysis, "Document", ""),
            ("AddAnalysisNote", (analyses.AddAnalysisNote,), "Document", ""),
            ("ConcludeAnalysis", (analyses.ConcludeAnalysis,), "Document", ""),
            ("GetAnalysis", "Ref", "Document", ""),
            ("ListAnalyses", "ListRequest", "ListResponse", "filters: status"),
        ],
    ),
]

HEADER = """syntax = "proto3";

package wulian.consultation.v1;

import "google/protobuf/timestamp.proto";

// 监督事项联商: the consultation service. Written by proto/consultation_contract.py from the domain's
// commands.
//
// Requests are the domain's commands, field for field (dates as ISO 8601 text). Answers carry the read
// model of the object as the caller may see it, as a JSON document: the service decides what each caller
// sees, once, and the gateway passes it on unchanged."""


def contract() -> str:
    return contract_for(HEADER, "ConsultationService", "wulian.consultation.v1", SECTIONS)


if __name__ == "__main__":
    sys.stdout.write(contract())
