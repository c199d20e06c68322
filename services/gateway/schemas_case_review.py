"""Request bodies of the case-review (司法监督联动) routes, and how the service's answers go out.

Requests repeat the case-review service's input limits and choices (``services/case_review/domain.py``
and the modules beside it; a unit test keeps the two in step, since the gateway may not import the
service) so that bad input is refused before any gRPC call. The service checks again and has the last
word: the rules that span fields or need the database (an ID number's check character, a case number's
form, quotas within the experts per case, a case already under review) are its own.

Answers are not re-shaped here. The service answers with the read model its caller may see (phone and
ID numbers masked, reviewers hidden from the courts before a review closes, …) as JSON, decided once in
the service; the gateway passes that JSON on unchanged (``document_response``, ``list_response``).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, BeforeValidator, Field, WithJsonSchema, field_validator
from pydantic_core import PydanticCustomError

from services.gateway.schemas import Strict

# As the case-review service checks them (services/case_review/domain.py, cases.py, reviews.py, findings.py,
# draw.py).
NAME_MAX = 50  # a person's name
UNIT_NAME_MAX = 100  # an employer, a court, a law firm, a party
ORG_UNIT_MAX = 64
TOKEN_MAX = 100  # one declared conflict
TEXT_MAX = 2000  # reasons, comments, notes
FINDING_MAX = 5000  # a finding's problem and opinion, an answer, a rectification report
CAUSE_MAX = 100
ID_MAX = 64
CONFLICTS_MAX = 50
PARTIES_MAX = 50
LAWYERS_MAX = 50
BATCH_CASES_MAX = 500
CASE_NUMBER_MAX = 60
BATCH_NAME_MAX = 100
RULE_TITLE_MAX = 100
EXPERTS_PER_CASE = (1, 50)
BACKUPS_PER_CASE = (0, 50)
CASES_PER_EXPERT = (1, 1000)
COOLING_OFF_DAYS = (0, 3660)
ENTROPY_BYTES = (1, 4096)
PHONE_MAX = 20  # 11 digits, with +86 and separators
ID_NUMBER_MAX = 25  # 18 characters, with separators

ExpertStatus = Literal["active", "suspended", "left"]
Category = Literal["deputy", "lawyer", "professor", "other"]
Specialty = Literal[
    "civil",
    "commercial",
    "enforcement",
    "administrative",
    "criminal",
    "procuratorial",
    "intellectual_property",
    "bankruptcy",
    "labor",
]
CaseStatus = Literal["registered", "under_review", "reviewed", "withdrawn"]
CaseType = Literal["trial", "enforcement", "procuratorial_supervision"]
BatchStatus = Literal["draft", "drawing", "drawn", "reviewing", "closed", "cancelled"]
FindingStatus = Literal["draft", "issued", "explained", "rectifying", "reported", "closed"]
ScoreItem = Literal["substance", "procedure", "documents", "effect"]
OpinionAnswer = Literal["accept", "explain"]
RectificationKind = Literal["corrected_case", "rule_adopted", "other"]

# The service's ids (uuid4) and the judges' identifiers: no blanks, nothing a header or path could not carry.
ID_PATTERN = r"^[A-Za-z0-9_-]+$"
Id = Annotated[str, Field(min_length=1, max_length=ID_MAX, pattern=ID_PATTERN)]
Reason = Annotated[str, Field(min_length=1, max_length=TEXT_MAX, description="理由")]
Note = Annotated[str, Field(max_length=TEXT_MAX, description="意见（可不填）")]
SCORE_TEXT = re.compile(r"^\d{1,3}(\.\d{1,4})?$")


def score_text(value: object) -> object:
    """A score given as a number or as decimal text, as the decimal text the contract carries ("37.5", never
    an exponent); "" leaves an item blank in a draft. The steps of 0.5 and each item's maximum are the
    service's to check."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = format(Decimal(repr(value)), "f")
    if value == "" or (isinstance(value, str) and SCORE_TEXT.fullmatch(value) and Decimal(value) <= 100):
        return value
    raise PydanticCustomError("value_error", "得分应为 0 至 100 之间的数字，如 37.5")


SCORE_SCHEMA = {"anyOf": [{"type": "number", "minimum": 0, "maximum": 100}, {"type": "string"}]}
Score = Annotated[str, BeforeValidator(score_text), WithJsonSchema(SCORE_SCHEMA)]
OptionalScore = Annotated[
    str | None,
    BeforeValidator(lambda value: value if value is None else score_text(value)),
    WithJsonSchema({"anyOf": [*SCORE_SCHEMA["anyOf"], {"type": "null"}]}),
]


# --- the expert pool (专家库) --------------------------------------------------------------------------


class ExpertProfileCreate(Strict):
    """An expert's entry, to join the pool or (the same body) to replace an entry's details."""

    name: str = Field(min_length=1, max_length=NAME_MAX, description="姓名")
    category: Category = Field(description="专家类别：deputy 人大代表、lawyer 律师、professor 高校教授、other 其他专家")
    specialties: list[Specialty] = Field(
        min_length=1,
        max_length=len(get_args(Specialty)),
        description="专业领域：civil 民事、commercial 商事、enforcement 执行、administrative 行政、criminal 刑事、"
        "procuratorial 检察监督、intellectual_property 知识产权、bankruptcy 破产、labor 劳动争议",
    )
    employer: str = Field(min_length=1, max_length=UNIT_NAME_MAX, description="工作单位")
    phone: str = Field(
        min_length=1,
        max_length=PHONE_MAX,
        pattern=r"^[0-9+\s()（）-]+$",
        description="中国大陆手机号码（11 位，可带 +86、空格或连字符）",
    )
    id_number: str = Field(
        min_length=1, max_length=ID_NUMBER_MAX, pattern=r"^[0-9Xx\s-]+$", description="18 位公民身份号码"
    )
    title: str = Field("", max_length=NAME_MAX, description="职务或职称")
    conflicts: list[Annotated[str, Field(min_length=1, max_length=TOKEN_MAX)]] = Field(
        default_factory=list,
        max_length=CONFLICTS_MAX,
        description="申报的利益冲突：所在律师事务所、在法院或检察院工作的亲属所在单位、代理过的当事人等",
    )
    account_subject: str = Field(
        "", max_length=ID_MAX, pattern=r"^\S*$", description="专家登录账号的标识（角色 expert）；尚无账号时不填"
    )


class ExpertSuspensionCreate(Strict):
    reason: Reason


class ExpertDepartureCreate(Strict):
    reason: Note = ""


# --- cases (备案) ---------------------------------------------------------------------------------------


class PartyCreate(Strict):
    name: str = Field(min_length=1, max_length=UNIT_NAME_MAX, description="当事人名称")
    is_enterprise: bool = Field(False, description="是否为企业（涉企案件）")


class LawyerCreate(Strict):
    name: str = Field(min_length=1, max_length=NAME_MAX, description="代理律师姓名")
    firm: str = Field(min_length=1, max_length=UNIT_NAME_MAX, description="所在律师事务所")


class CaseCreate(Strict):
    """A case in scope, registered by its court or procuratorate (or by the organizers for them)."""

    number: str = Field(
        min_length=1, max_length=CASE_NUMBER_MAX, description="案号，如（2025）鄂02民初123号、鄂黄检民监〔2025〕12号"
    )
    type: CaseType = Field(
        description="案件类型：trial 审判案件、enforcement 执行案件、procuratorial_supervision 检察监督案件"
    )
    cause: str = Field(min_length=1, max_length=CAUSE_MAX, description="案由")
    unit_name: str = Field(min_length=1, max_length=UNIT_NAME_MAX, description="承办法院或检察院名称")
    presiding_id: str = Field(
        min_length=1, max_length=ID_MAX, pattern=r"^\S+$", description="承办法官或检察官的标识（用于回避）"
    )
    presiding_name: str = Field(min_length=1, max_length=NAME_MAX, description="承办法官或检察官姓名")
    parties: list[PartyCreate] = Field(min_length=1, max_length=PARTIES_MAX, description="当事人")
    lawyers: list[LawyerCreate] = Field(default_factory=list, max_length=LAWYERS_MAX, description="代理律师")
    unit: str = Field(
        "", max_length=ORG_UNIT_MAX, description="承办单位标识（org_unit）；法院、检察院备案本单位案件时可不填"
    )
    presiding_unit: str = Field("", max_length=UNIT_NAME_MAX, description="承办人所在单位（与承办单位不同时填写）")


class CaseWithdrawalCreate(Strict):
    reason: Reason


# --- review batches (评查批次) ----------------------------------------------------------------------------


class BatchCreate(Strict):
    """What a batch reviews and how its experts are drawn; quotas are minimums per case."""

    name: str = Field(min_length=1, max_length=BATCH_NAME_MAX, description="批次名称")
    case_ids: list[Id] = Field(min_length=1, max_length=BATCH_CASES_MAX, description="纳入评查的案件（按抽取顺序）")
    experts_per_case: int = Field(ge=EXPERTS_PER_CASE[0], le=EXPERTS_PER_CASE[1], description="每案评查专家人数")
    backups_per_case: int = Field(2, ge=BACKUPS_PER_CASE[0], le=BACKUPS_PER_CASE[1], description="每案备选专家人数")
    max_cases_per_expert: int = Field(
        3, ge=CASES_PER_EXPERT[0], le=CASES_PER_EXPERT[1], description="每名专家最多评查案件数"
    )
    category_quotas: dict[Category, Annotated[int, Field(ge=0, le=EXPERTS_PER_CASE[1])]] = Field(
        default_factory=dict, description='每案各类专家的最低人数，如 {"lawyer": 1, "professor": 1}'
    )
    specialty_quotas: dict[Specialty, Annotated[int, Field(ge=0, le=EXPERTS_PER_CASE[1])]] = Field(
        default_factory=dict, description="每案各专业领域专家的最低人数"
    )
    cooling_off_days: int = Field(
        365,
        ge=COOLING_OFF_DAYS[0],
        le=COOLING_OFF_DAYS[1],
        description="回避期：此期间内评查过同一承办人案件的专家回避",
    )


class BatchCancellationCreate(Strict):
    reason: Reason


class AssignmentAnswerCreate(Strict):
    accept: bool = Field(description="是否同意参加评查")
    reason: str = Field("", max_length=TEXT_MAX, description="不参加的理由（拒绝时必填）")
    expert_id: str = Field(
        "", max_length=ID_MAX, pattern=r"^[A-Za-z0-9_-]*$", description="组织人员代为登记电话答复时填写专家编号"
    )


class ScoreFormCreate(Strict):
    """An expert's score form for one case: a draft, or (``submit``) the final form."""

    scores: dict[ScoreItem, Score] = Field(
        default_factory=dict,
        description="各项得分（数字或数字文本，以 0.5 分为单位）：substance 实体（40）、procedure 程序（30）、"
        "documents 文书（20）、effect 效果（10）",
    )
    comments: dict[ScoreItem, Annotated[str, Field(max_length=TEXT_MAX)]] = Field(
        default_factory=dict, description="各项评语；有扣分的项目提交时须写明扣分理由"
    )
    opinion: str = Field("", max_length=FINDING_MAX, description="评查意见（提交时必填）")
    declared_total: OptionalScore = Field(None, description="专家填写的总分（须等于各项得分之和）；不填为 null")
    submit: bool = Field(False, description="true 提交评分表（须填写完整），false 保存草稿")
    expert_id: str = Field(
        "", max_length=ID_MAX, pattern=r"^[A-Za-z0-9_-]*$", description="组织人员代为录入纸质评分表时，填写该专家的编号"
    )


# --- the draw (随机抽取) ----------------------------------------------------------------------------------


class WitnessCreate(Strict):
    entropy: str = Field(
        min_length=ENTROPY_BYTES[0],
        max_length=ENTROPY_BYTES[1],
        description="派驻纪检监察组自行提供的随机数字或文字（UTF-8 编码 1 至 4096 字节），与承诺的种子共同决定抽取结果",
    )

    @field_validator("entropy")
    @classmethod
    def _fits_in_bytes(cls, value: str) -> str:
        if len(value.encode()) > ENTROPY_BYTES[1]:
            raise PydanticCustomError("string_too_long", "见证随机数最多 4096 字节（UTF-8）")
        return value


class DrawCancellationCreate(Strict):
    reason: Reason


# --- findings (评查意见) ----------------------------------------------------------------------------------


class FindingUpdate(Strict):
    problem: str = Field(min_length=1, max_length=FINDING_MAX, description="发现的问题")
    opinion: str = Field(min_length=1, max_length=FINDING_MAX, description="评查意见：请法院或检察院整改的事项")
    items: list[ScoreItem] = Field(default_factory=list, max_length=4, description="涉及的评分项")


class FindingCreate(FindingUpdate):
    case_id: Id = Field(description="评查意见所针对的案件")


class ExplanationAcceptanceCreate(Strict):
    note: Note = ""


class ExplanationRejectionCreate(Strict):
    reason: Reason


class ReportSendBackCreate(Strict):
    reason: Reason


class CloseOutCreate(Strict):
    note: Note = ""


class MisconductCreate(Strict):
    """The finding points at misconduct of a member of the judicial staff: a clue for the commission."""

    staff_name: str = Field(min_length=1, max_length=NAME_MAX, description="被反映人姓名")
    staff_position: str = Field(min_length=1, max_length=NAME_MAX, description="被反映人职务")
    staff_unit: str = Field("", max_length=UNIT_NAME_MAX, description="被反映人工作单位；不填为案件的承办单位")


class OpinionAnswerCreate(Strict):
    answer: OpinionAnswer = Field(description="答复：accept 接受意见并整改、explain 说明理由不予整改")
    text: str = Field(min_length=1, max_length=FINDING_MAX, description="整改计划或所说明的理由")


class RectificationCreate(Strict):
    kinds: list[RectificationKind] = Field(
        min_length=1,
        max_length=3,
        description="整改方式：corrected_case 纠正问题案件、rule_adopted 建立健全制度、other 其他整改措施",
    )
    text: str = Field(min_length=1, max_length=FINDING_MAX, description="整改情况")
    corrected_case_number: str = Field(
        "", max_length=CASE_NUMBER_MAX, description="纠正后的案号（选择 corrected_case 时填写）"
    )
    rule_title: str = Field("", max_length=RULE_TITLE_MAX, description="所建立制度的名称（选择 rule_adopted 时填写）")


class ExpertImportPublic(BaseModel):
    joined: int = Field(description="导入的专家人数；仅检查时为 0")
    expert_ids: list[str] = Field(description="新专家的编号；仅检查时为将分配的编号（不保留）")
    dry_run: bool = Field(description="是否仅检查")


# --- answers: the service's read models, passed on --------------------------------------------------------
