"""The conflict list: a change that diverged from the row the office holds, until a person decides.

``decide`` either keeps the office's row (nothing changes but the record of the decision) or takes
the incoming version: its content is written as a new change at the office, with a version above
both, so every device that receives it afterwards sees it as newer. Both are audited.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlmodel import col, select

from app.domain.vocabulary import RECORD_KIND_LABELS
from app.storage.locks import job
from app.storage.models import SyncConflict, Synced, Team, utcnow
from app.storage.models.base import CodeEnum
from app.storage.workspace import Workspace
from app.sync import rows
from app.sync.errors import SyncError

KIND_LABELS = RECORD_KIND_LABELS
STATUS_LABELS = {
    "open": "待处理",
    "kept_local": "已保留本办版本",
    "took_incoming": "已采用传入版本",
}


@dataclass(frozen=True)
class ConflictView:
    id: str
    table: str
    record_id: str
    team_id: str
    team_name: str
    status: str
    local: dict[str, Any]
    incoming: dict[str, Any]
    local_stamp: tuple[str, int]
    incoming_stamp: tuple[str, int]

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.table, self.table)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    def differing(self) -> list[str]:
        """Content columns whose values differ between the two versions."""
        return [
            c
            for c in self.incoming
            if c not in rows.META and self.local.get(c) != self.incoming.get(c)
        ]


def _view(c: SyncConflict, teams: dict[str, str]) -> ConflictView:
    return ConflictView(
        id=c.id,
        table=c.table_name,
        record_id=c.record_id,
        team_id=c.team_id,
        team_name=teams.get(c.team_id, ""),
        status=c.status,
        local=json.loads(c.local_data or "{}"),
        incoming=json.loads(c.incoming_data or "{}"),
        local_stamp=(c.local_origin, c.local_version),
        incoming_stamp=(c.incoming_origin, c.incoming_version),
    )


def conflict_ids(ws: Workspace, *, open_only: bool = True) -> list[str]:
    with ws.session() as s:
        stmt = select(SyncConflict.id).order_by(col(SyncConflict.detected_at), col(SyncConflict.id))
        if open_only:
            stmt = stmt.where(SyncConflict.status == "open")
        return [str(i) for i in s.exec(stmt).all()]


def get_conflict(ws: Workspace, conflict_id: str) -> ConflictView:
    with ws.session() as s:
        c = s.get(SyncConflict, conflict_id)
        if c is None:
            raise SyncError(f"没有这个冲突：{conflict_id}")
        teams = {t.id: t.name for t in s.exec(select(Team)).all()}
        view = _view(c, teams)
    if view.status == "open":  # show the office's row as it stands now
        with ws.engine.connect() as conn:
            now = rows.read_rows(conn, view.table, [view.record_id]).get(view.record_id)
        if now is not None:
            cols = rows.columns(view.table)
            view = ConflictView(**{**view.__dict__, "local": rows.as_dict(cols, now)})
    return view


def list_conflicts(ws: Workspace, *, open_only: bool = True) -> list[ConflictView]:
    return [get_conflict(ws, i) for i in conflict_ids(ws, open_only=open_only)]


def decide(ws: Workspace, conflict_id: str, *, take_incoming: bool) -> ConflictView:
    """Settle a conflict: keep the office's row, or take the incoming version. Audited."""
    view = get_conflict(ws, conflict_id)
    if view.status != "open":
        raise SyncError("这个冲突已经处理过了。")
    model = rows.MODELS[view.table]
    cols = rows.columns(view.table)
    decode = dict(zip(cols, rows.decoders(view.table), strict=True))
    with job("处理同步冲突"), ws.session(write=True) as s:
        # another clerk may be deciding the same conflict: the row lock makes the second wait
        # and then see the first one's decision
        c = s.get(SyncConflict, conflict_id, with_for_update=True)
        obj = s.get(model, view.record_id)
        if c is None or not isinstance(obj, Synced):
            raise SyncError("冲突对应的记录不存在。")
        if c.status != "open":
            raise SyncError(f"这个冲突已由 {c.decided_by} 处理过了。")
        if take_incoming:
            for name in cols:
                if name in rows.META or name == "id":
                    continue
                setattr(obj, name, decode[name](view.incoming.get(name)))
            # above both versions, so every device sees the decision as newer
            obj.version = max(obj.version, view.incoming_stamp[1])
            s.add(obj)
        c.status = "took_incoming" if take_incoming else "kept_local"
        c.decided_by = ws.username
        c.decided_at = utcnow()
        s.add(c)
        s.audit("conflict_decide", obj, note=f"{conflict_id} {c.status}")
        s.commit()
    return get_conflict(ws, conflict_id)


FIELD_LABELS: dict[str, str] = {
    "action": "操作",
    "active": "有效",
    "after": "更正后",
    "amended_by": "更正人",
    "anonymous": "匿名",
    "attachment_pages": "附件页数",
    "author_id": "记录人",
    "batch_id": "批次",
    "before": "更正前",
    "box_label": "意见箱",
    "caption": "说明",
    "category": "问题类别",
    "channel": "渠道",
    "classification": "密级",
    "closed_at": "签结时间",
    "closed_by_id": "签结人",
    "closed_on": "办结日期",
    "code": "代码",
    "contact_person": "联系人",
    "contact_phone": "联系电话",
    "content": "内容",
    "count": "次数",
    "day": "日期",
    "deadline": "期限",
    "decided_by": "决定人",
    "decided_on": "决定日期",
    "description": "问题描述",
    "display_name": "姓名",
    "doc_number": "文号",
    "doc_prefix": "文号前缀",
    "ended_at": "结束时间",
    "ends_on": "结束日期",
    "entry_id": "意见箱信件",
    "extension_reason": "延期理由",
    "feedback": "反馈",
    "feedback_deadline": "反馈期限",
    "feedback_due": "反馈期限",
    "feedback_on": "反馈日期",
    "fields": "字段",
    "file_name": "文件名",
    "height": "高",
    "id": "编号",
    "imported_at": "导入时间",
    "imported_by": "导入人",
    "inspectors": "巡察人员",
    "interview_id": "谈话记录",
    "interviewee_id": "谈话对象",
    "interviewers": "谈话人",
    "issued_on": "下发日期",
    "issuing_body": "发文机关",
    "item_id": "条目",
    "item_kind": "条目类别",
    "kind": "类别",
    "ledger_item_id": "台账条目",
    "clue_transfer_id": "线索移交",
    "list_id": "名单",
    "listed_at": "列入时间",
    "mailbox": "信箱",
    "merged_into_id": "合并到",
    "method": "方式",
    "mime": "文件类型",
    "name": "名称",
    "new_deadline": "新期限",
    "note": "备注",
    "notes": "记录",
    "notice_id": "通知书",
    "number": "序号",
    "occurred_at": "时间",
    "old_deadline": "原期限",
    "opened_at": "开箱时间",
    "original_name": "原文件名",
    "party_committee": "党委",
    "person_id": "人员",
    "person_name": "姓名",
    "person_post": "职务",
    "person_unit": "单位",
    "phase": "阶段",
    "phone": "电话",
    "place": "地点",
    "post": "职务",
    "problem_id": "问题",
    "progress": "进展",
    "protected": "受保护",
    "raised_on": "发现日期",
    "reason": "理由",
    "received_at": "收到时间",
    "receiving_body": "移交单位",
    "record": "谈话内容",
    "replaced_by": "替换为",
    "reported_in_id": "所在日报",
    "requirement": "整改要求",
    "responsible_unit": "责任单位",
    "retired_at": "作废时间",
    "role": "角色",
    "round_id": "轮次",
    "rows": "行",
    "serial": "流水号",
    "sha256": "校验值",
    "size_bytes": "大小",
    "source": "来源",
    "started_at": "开始时间",
    "starts_on": "开始日期",
    "status": "状态",
    "stored_name": "存储名",
    "style": "巡察方式",
    "subcategory": "细类",
    "summary": "摘要",
    "supervisor": "督办单位",
    "team_id": "巡察组",
    "thumb_name": "缩略图",
    "ticked_off_on": "销号日期",
    "tier": "分类",
    "tier_override": "调整分类",
    "tier_override_reason": "调整理由",
    "township_id": "乡镇（街道）",
    "track": "处置方式",
    "transferred_on": "移交日期",
    "unit": "单位",
    "urgency": "紧急程度",
    "username": "用户名",
    "verified_on": "核查日期",
    "verifier": "核查人",
    "village_id": "村（社区）",
    "visit_id": "走访记录",
    "voices": "反映人次",
    "width": "宽",
    "wrapup_id": "日结",
    "writer_id": "写信人",
    "year": "年度",
}
"""Chinese names of the columns shown when two versions are compared."""

PROTECTED_FIELDS = ("name",)


def masked(view: ConflictView, field_name: str, value: Any, *, may_see: bool) -> Any:
    """A protected person's name, masked (张*) for a role that may not read it."""
    if may_see or view.table != "person" or field_name not in PROTECTED_FIELDS:
        return value
    if not (view.local.get("protected") or view.incoming.get("protected")):
        return value
    text = "" if value is None else str(value)
    return text[:1] + "*" if text else text


def display_value(table: str, field_name: str, value: Any) -> str:
    """A value as a person reads it: an enum's Chinese label, 是/否, the text itself."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    column = rows.table_of(rows.MODELS[table]).columns.get(field_name)
    if column is not None and isinstance(column.type, CodeEnum):
        try:
            return str(column.type.enum_type(value).label)
        except ValueError:
            return str(value)
    return str(value)
