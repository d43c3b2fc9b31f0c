"""The case workflow's vocabulary (案件流程), named once for every screen: states, the case roles,
actions and the queue's tabs, each with the name a person reads (Chinese through the translator,
English on request), and which actions a person must confirm.

The store holds the workflow itself (``citygrid.case_transition``: which role may take which
action in which state, and ``citygrid.case_allowed_actions``: what the logged-in user may do to a
case now); this module only names things, so that a new state or action is named in one place.
"""
from __future__ import annotations

from .i18n import tr

# states in workflow order; the open ones are everything but the last two
STATES = ("reported", "to_verify", "accepted", "registered", "dispatched", "returned", "deferred", "handled",
          "checked", "closed", "cancelled")
OPEN_STATES = STATES[:-2]
# the roles that work cases (the store's group roles are citygrid_<role>)
CASE_ROLES = ("operator", "supervisor", "shift_leader", "office", "dispatcher", "department")
ACTIONS = ("accept", "verify", "register", "dispatch", "return", "feedback", "assist_note", "request_extension",
           "approve_extension", "refuse_extension", "defer", "release", "urge", "check_ok", "rework", "close",
           "cancel", "reassign", "revisit")
# actions that cannot be taken back: the dock asks before it sends them
IRREVERSIBLE = frozenset({"register", "cancel", "feedback", "close", "defer", "rework", "return"})
# actions that end a case's useful life: shown apart from the others (a different colour, last)
DESTRUCTIVE = frozenset({"cancel"})


def state_label(state: str) -> str:
    return {
        "reported": tr("Awaiting acceptance"), "to_verify": tr("Awaiting verification"),
        "accepted": tr("Awaiting registration"), "registered": tr("Awaiting dispatch"),
        "dispatched": tr("Being handled"), "returned": tr("Returned for dispatch"), "deferred": tr("Deferred"),
        "handled": tr("Awaiting check"), "checked": tr("Awaiting closing"), "closed": tr("Case closed"),
        "cancelled": tr("Case cancelled"),
    }.get(state, state)


def role_label(role: str) -> str:
    return {
        "operator": tr("Operator"), "supervisor": tr("Supervisor"), "shift_leader": tr("Shift leader"),
        "dispatcher": tr("Dispatcher"), "department": tr("Department"), "system": tr("System"),
        "office": tr("Digital urban management office"),
    }.get(role, role)


def action_label(action: str) -> str:
    return {
        "report": tr("Case reported"), "accept": tr("Accept"), "verify": tr("Verified on site"),
        "register": tr("Register"), "dispatch": tr("Dispatch"), "return": tr("Return to dispatcher"),
        "feedback": tr("Handled"), "request_extension": tr("Request extension"),
        "approve_extension": tr("Approve extension"), "refuse_extension": tr("Refuse extension"),
        "defer": tr("Defer (挂账)"), "release": tr("Release"), "urge": tr("Urge (督办)"),
        "check_ok": tr("Check passed"), "rework": tr("Rework"), "close": tr("Close"), "cancel": tr("Cancel"),
        "assist_note": tr("Assisting note"), "report_again": tr("Additional report"), "reassign": tr("Reassign"),
        "revisit": tr("Return visit (回访)"),
    }.get(action, action)


def photo_stage_label(stage: str) -> str:
    """The stage a photo documents (案件照片的阶段)."""
    return {"report": tr("Report (stage)"), "verify": tr("Verification"), "handle": tr("Handling"),
            "check": tr("Check")}.get(stage, stage)


def confirm_text(action: str, case_no: str) -> str:
    """The question a person answers before an irreversible action."""
    return {
        "register": tr("Register case {case}? It is then dispatched to a department and its time limits run."),
        "cancel": tr("Cancel case {case}? A cancelled case cannot be reopened."),
        "feedback": tr("Report case {case} as handled? The supervisor then checks it on site."),
        "close": tr("Close case {case}? A closed case cannot be reopened."),
        "defer": tr("Defer case {case} (挂账)? No deadline runs until it is released."),
        "rework": tr("Send case {case} back to the department for rework?"),
        "return": tr("Return case {case} to the dispatcher? Say why in the note."),
    }.get(action, tr("{action} case {case}?")).format(case=case_no, action=action_label(action))


def format_time_left(hours: float | None) -> str:
    """A deadline as a person reads it: "剩余 3小时05分", "剩余 2天4小时", "超时 2天14小时", "超时 25分"."""
    if hours is None:
        return "—"
    minutes = int(round(abs(hours) * 60))
    days, rest = divmod(minutes, 24 * 60)
    h, m = divmod(rest, 60)
    if days:
        amount = tr("{d} d {h} h").format(d=days, h=h)
    elif h:
        amount = tr("{h} h {m:02d} min").format(h=h, m=m)
    else:
        amount = tr("{m} min").format(m=m)
    return (tr("overdue {amount}") if hours < 0 else tr("{amount} left")).format(amount=amount)


def urgency(hours: float | None) -> str:
    """How pressing a deadline is (the countdown's colour): 'none' (no deadline), 'overdue',
    'urgent' (under 1 hour left), 'soon' (under 4 hours), 'ok'."""
    if hours is None:
        return "none"
    if hours < 0:
        return "overdue"
    if hours < 1:
        return "urgent"
    if hours < 4:
        return "soon"
    return "ok"
