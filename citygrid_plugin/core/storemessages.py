"""The store's refusals in the user's language.

The store's functions and triggers refuse in English (the language of the server log and of
psql); a person at a Chinese desk reads Chinese. :func:`translate` matches a refusal against the
catalogue below — the messages raised in ``store/sql/functions`` that people meet at their desk —
and returns it through the translator, with the workflow's states, actions and roles named as
the screens name them. A message not in the catalogue, or whose template has no translation in
the user's language (English: the store's own words are the precise ones), comes back unchanged
(never lost).

Each template is a ``lambda tr=tr: tr("…")``: called bare it gives the template in the user's
language, called with the identity it gives the English source (so :func:`translate` can tell
whether there is a translation at all).
"""
from __future__ import annotations

import re

from .i18n import tr
from .workflow import action_label, photo_stage_label, role_label, state_label


def _actions(text: str) -> str:
    """'accept (operator), cancel (operator)' → the actions and roles as a person reads them."""
    if text.startswith("none (the case is finished)"):
        return tr("none (the case is finished)")
    found = re.findall(r"(\w+) \((\w+)\)", text)
    if not found:
        return text
    return "、".join(f"{action_label(a)}（{role_label(r)}）" for a, r in found)


def _roles(text: str) -> str:
    """'office, shift_leader' → the roles as a person reads them."""
    return "、".join(role_label(r.strip()) for r in text.split(",") if r.strip()) or text


def _kind(text: str) -> str:
    return {"event": tr("event"), "component": tr("component")}.get(text, text)


# (pattern of the English message, the template, how to show a named part)
_CATALOGUE: list[tuple[re.Pattern, callable, dict]] = []


def _entry(pattern: str, template, **shows) -> None:
    _CATALOGUE.append((re.compile(f"^{pattern}$", re.S), template, shows))


_entry(r"case (?P<case>\S+) is (?P<state>\w+): (?P<action>\w+) by (?P<role>\w+) is not allowed; "
       r"allowed: (?P<allowed>.*)",
       lambda tr=tr: tr("case {case} is {state}: {role} cannot {action} it now; possible: {allowed}"),
       state=state_label, action=action_label, role=role_label, allowed=_actions)
_entry(r"case (?P<case>\S+) was changed by (?P<who>\S+) at (?P<at>[\d\- :]+) \((?P<action>\w+)\); "
       r"refresh and try again",
       lambda tr=tr: tr("case {case} was changed by {who} at {at} ({action}); refresh and try again"),
       action=action_label)
_entry(r"user (?P<who>\S+) may not act as (?P<role>\w+) \(not a member of role citygrid_\w+\)",
       lambda tr=tr: tr("user {who} may not act as {role} (an administrator grants roles)"), role=role_label)
_entry(r"case (?P<case>\S+) does not exist or is not dispatched to your department \((?P<dept>.*)\)",
       lambda tr=tr: tr("case {case} does not exist or is not dispatched to your department ({dept})"))
_entry(r"case (?P<case>\S+) does not exist", lambda tr=tr: tr("case {case} does not exist"))
_entry(r"case (?P<case>\S+) was last changed at (?P<last>.+); an action cannot be recorded before that \((?P<at>.+)\)",
       lambda tr=tr: tr("case {case} was last changed at {last}; an action cannot be recorded before that ({at})"))
_entry(r"the inputs of an action are a JSON object, got (?P<got>.*)",
       lambda tr=tr: tr("the inputs of an action are a JSON object, got {got}"))
_entry(r"the department is given by its code \(text\)",
       lambda tr=tr: tr("the department is given by its code (text)"))
_entry(r"(?P<action>\w+) needs a note \(why\)", lambda tr=tr: tr("{action} needs a note (why)"), action=action_label)
_entry(r"(?P<action>\w+) takes no input (?P<keys>.*); its inputs: (?P<inputs>.*)",
       lambda tr=tr: tr("{action} takes no input {keys}; its inputs: {inputs}"), action=action_label)
_entry(r"dispatch needs a department \(none given and no routing rule for class (?P<cls>\S+) "
       r"in street (?P<street>\S+)\)",
       lambda tr=tr: tr("dispatch needs a department (none given and no routing rule for class {cls} in street "
                        "{street})"))
_entry(r"case (?P<case>\S+) has no extension request to approve",
       lambda tr=tr: tr("case {case} has no extension request to approve"))
_entry(r"case (?P<case>\S+) is not overdue \(deadline (?P<deadline>.*)\); urging is for overdue cases",
       lambda tr=tr: tr("case {case} is not overdue (deadline {deadline}); urging is for overdue cases"))
_entry(r"an extension is asked for in hours: a number more than 0 and at most 2160 \(90 days\); "
       r"got (?P<got>.*)",
       lambda tr=tr: tr("an extension is asked for in hours: a number more than 0 and at most 2160 (90 days); "
                        "got {got}"))
_entry(r"the note has (?P<n>\d+) characters; at most 4000: shorten it",
       lambda tr=tr: tr("the note has {n} characters; at most 4000: shorten it"))
_entry(r"the description has (?P<n>\d+) characters; at most 4000: shorten it",
       lambda tr=tr: tr("the description has {n} characters; at most 4000: shorten it"))
_entry(r"a case needs a description \(what is wrong, where\)",
       lambda tr=tr: tr("a case needs a description (what is wrong, where)"))
_entry(r"the address has (?P<n>\d+) characters; at most 500",
       lambda tr=tr: tr("the address has {n} characters; at most 500: shorten it"))
_entry(r"the reporter has (?P<n>\d+) characters; at most 200 \(name and phone\)",
       lambda tr=tr: tr("the reporter has {n} characters; at most 200 (name and phone)"))
_entry(r"the photo link has (?P<n>\d+) characters; at most 2000",
       lambda tr=tr: tr("the photo link has {n} characters; at most 2000"))
_entry(r"observed time (?P<observed>.+) is not plausible: it must lie between (?P<days>\S+) days before the report "
       r"and its time \((?P<at>.+)\)",
       lambda tr=tr: tr("observed time {observed} is not plausible: it must lie between {days} days before the report "
                        "and its time ({at}); check the handheld's clock"))
_entry(r"a case is of kind event or component, got (?P<got>.*)",
       lambda tr=tr: tr("a case is of kind event or component, got {got}"))
_entry(r"a case is located by one point, got (?P<got>.*)",
       lambda tr=tr: tr("a case is located by one point, got {got}"))
_entry(r"component (?P<code>\S+) is not an active component of class (?P<cls>\S+) \(.*\)",
       lambda tr=tr: tr("component {code} is not an active component of class {cls} (a component case names its "
                        "component and its class)"))
_entry(r"(?P<kind>\w+) class (?P<cls>\S+) is not in the district's code profile",
       lambda tr=tr: tr("{kind} class {cls} is not in the district's code profile"), kind=_kind)
_entry(r"case at \((?P<x>[^,]+), (?P<y>[^)]+)\) lies outside every unit grid",
       lambda tr=tr: tr("case at ({x}, {y}) lies outside every unit grid"))
_entry(r"component at \((?P<x>[^,]+), (?P<y>[^)]+)\) lies outside every unit grid",
       lambda tr=tr: tr("component at ({x}, {y}) lies outside every unit grid"))
_entry(r"source (?P<source>\S+) is for a (?P<role>\S+) report; user (?P<who>\S+) is not a \S+: choose the channel the "
       r"report came through",
       lambda tr=tr: tr("source {source} is for a {role}'s own report; you are not a {role}: choose the channel "
                        "the report came through"))
_entry(r"unknown case source (?P<source>.*); the store knows: (?P<known>.*)",
       lambda tr=tr: tr("unknown case source {source}; the store knows: {known}"))
_entry(r"user (?P<who>\S+) may not report cases \(needs a case role.*\)",
       lambda tr=tr: tr("user {who} may not report cases (needs a case role)"))
_entry(r"cases change only through citygrid\.case_report\(\) and citygrid\.case_act\(\)",
       lambda tr=tr: tr("cases change only through the workflow (case_report and case_act)"))
# patrol (migration 016)
_entry(r"case (?P<case>\S+) is the task of supervisor (?P<who>\S+); the shift leader reassigns it",
       lambda tr=tr: tr("case {case} is the task of supervisor {who}; the shift leader reassigns it"))
_entry(r"reassign names the supervisor who takes the task \(a supervisor's login\); (?P<who>.*) is not one",
       lambda tr=tr: tr("reassign names the supervisor who takes the task (a supervisor's login); {who} is not one"))
_entry(r"a return visit says whether the reporter was reached \(reached: true or false\)",
       lambda tr=tr: tr("a return visit says whether the reporter was reached (reached: true or false)"))
_entry(r"a return visit that reached the reporter records his satisfaction: 满意, 基本满意 or 不满意; got (?P<got>.*)",
       lambda tr=tr: tr("a return visit that reached the reporter records his satisfaction: 满意, 基本满意 or 不满意; "
                        "got {got}"))
_entry(r"a dissatisfied reporter's words go into the note \(why he is not satisfied\)",
       lambda tr=tr: tr("a dissatisfied reporter's words go into the note (why he is not satisfied)"))
_entry(r"a return visit that did not reach the reporter records no satisfaction",
       lambda tr=tr: tr("a return visit that did not reach the reporter records no satisfaction"))
_entry(r"reopen is true or false", lambda tr=tr: tr("reopen is true or false"))
_entry(r"only a return visit with 不满意 reopens a case",
       lambda tr=tr: tr("only a return visit with 不满意 reopens a case"))
_entry(r"case (?P<case>\S+) awaits no return visit: its reporter was reached already",
       lambda tr=tr: tr("case {case} awaits no return visit: its reporter was reached already"))
_entry(r"a field id is a text of 1 to 100 characters \(the handheld's id of the verdict\)",
       lambda tr=tr: tr("a field id is a text of 1 to 100 characters (the handheld's id of the verdict)"))
_entry(r"position accuracy (?P<value>\S+) m is not plausible: 0 to 10000 metres",
       lambda tr=tr: tr("position accuracy {value} m is not plausible: 0 to 10000 metres"))
_entry(r"grid (?P<code>\S+) already has supervisor (?P<who>\S+) from (?P<start>\S+) to (?P<end>\S+); one supervisor "
       r"answers for a grid at a time: end that period first",
       lambda tr=tr: tr("grid {code} already has supervisor {who} from {start} to {end}; one supervisor answers for a "
                        "grid at a time: end that period first"))
# the command manual and the city's rules (migration 015)
_entry(r"the situation is given by its name \(text\)",
       lambda tr=tr: tr("the situation is given by its name (text)"))
_entry(r"class (?P<cls>\S+) has no situation (?P<name>.*); its situations: (?P<known>.*)",
       lambda tr=tr: tr("class {cls} has no situation {name}; its situations: {known}"))
_entry(r"(?P<role>\w+) is not authorised for (?P<action>\w+); authorised: (?P<who>.*)",
       lambda tr=tr: tr("{role} is not authorised to {action}; authorised: {who} (an administrator sets the "
                        "authorisations)"), role=role_label, action=action_label, who=lambda t: _roles(t))
_entry(r"an extension of (?P<hours>\S+) hours is more than (?P<role>\w+) may approve \(at most (?P<max>\S+) hours\); "
       r"authorised for more: (?P<who>.*)",
       lambda tr=tr: tr("an extension of {hours} hours is more than {role} may approve (at most {max} hours); "
                        "authorised for more: {who}"), role=role_label, who=lambda t: _roles(t))
_entry(r"only an administrator may change the command manual",
       lambda tr=tr: tr("only an administrator may change the command manual"))
_entry(r"manual class (?P<cls>.+?): (?P<field>supervisor|department) '(?P<value>.*)' is not a department "
       r"\(give a department code, or 属地\)",
       lambda tr=tr: tr("manual class {cls}: {field} '{value}' is not a department (give a department code, or 属地)"))
_entry(r"manual class (?P<cls>.+?): there is no (?P<kind>\w+) class (?P<code>\S+) in profile (?P<profile>\S+)",
       lambda tr=tr: tr("manual class {cls}: there is no {kind} class {code} in profile {profile}; add it as a "
                        "local class first, or correct the code"), kind=_kind)
_entry(r"manual class (?P<cls>.+?): situation (?P<name>.+) has no time limit; give it at least one, or remove it",
       lambda tr=tr: tr("manual class {cls}: situation {name} has no time limit; give it at least one, or remove it"))
_entry(r"grid (?P<code>\S+) is not an active unit grid; give the 15-digit code of a grid in use",
       lambda tr=tr: tr("grid {code} is not an active unit grid; give the 15-digit code of a grid in use"))
_entry(r"user (?P<who>\S+) is not a supervisor; responsibility grids are for supervisors \(监督员\)",
       lambda tr=tr: tr("user {who} is not a supervisor; responsibility grids are for supervisors (监督员)"))
_entry(r"there is no street (?P<code>\S+) \(district \+ street code, 9 digits\)",
       lambda tr=tr: tr("there is no street {code} (district + street code, 9 digits)"))
_entry(r"there is no community (?P<code>\S+) \(district \+ street \+ community code, 12 digits\)",
       lambda tr=tr: tr("there is no community {code} (district + street + community code, 12 digits)"))
_entry(r"working periods (?P<value>.+) are not periods like 08:30-12:00,13:30-17:30",
       lambda tr=tr: tr("working periods {value} are not periods like 08:30-12:00,13:30-17:30"))
_entry(r"working period (?P<value>\S+) must end after it starts and after the period before it",
       lambda tr=tr: tr("working period {value} must end after it starts and after the period before it"))
_entry(r"(?P<table>\w+) is append-only: (?P<op>\w+) refused", lambda tr=tr: tr("{table} is append-only: {op} refused"))
_entry(r"component (?P<code>\S+) is retired; history cannot be (?P<what>edited|deleted)",
       lambda tr=tr: tr("component {code} is retired; its history cannot be changed"))
_entry(r"grid (?P<code>\S+) is retired(?: \(.*\))?; history cannot be (?P<what>edited|deleted)",
       lambda tr=tr: tr("grid {code} is retired; its history cannot be changed"))
_entry(r"class (?P<cls>\S+) is not a component class of profile (?P<profile>\S+)",
       lambda tr=tr: tr("class {cls} is not a component class of profile {profile}"))
_entry(r"grid (?P<code>.+) crosses the boundary of community (?P<community>\S+): (?P<m2>\S+) m² lie outside it",
       lambda tr=tr: tr("grid {code} crosses the boundary of community {community}: {m2} m² lie outside it"))
# a community's 999 grid serials (issue 20: assign_grid_codes refuses before coding anything)
_entry(r"community (?P<community>\d+) has (?P<n>\d+) grids; at most 999 per community: split it "
       r"\((?P<issued>\d+) serials already issued, codes are never reused\)",
       lambda tr=tr: tr("community {community} has {n} grids; at most 999 per community: split it ({issued} serials "
                        "already issued, codes are never reused)"))
_entry(r"community (?P<community>\d+) has (?P<n>\d+) grids; at most 999 per community: split it",
       lambda tr=tr: tr("community {community} has {n} grids; at most 999 per community: split it"))

# Open311 GeoReport v2 (issue 19): client apps and the public's reports through the service
_entry(r"only an administrator may add or change Open311 client apps",
       lambda tr=tr: tr("only an administrator may add or change Open311 client apps"))
_entry(r"Open311 client name (?P<name>.+) must be 1 to 60 letters, digits, '\.', '_' or '-'",
       lambda tr=tr: tr("Open311 client name {name} must be 1 to 60 letters, digits, '.', '_' or '-'"))
_entry(r"the rate limit (?P<rate>\S+) is not usable: 1 to 100000 new reports per minute",
       lambda tr=tr: tr("the rate limit {rate} is not usable: 1 to 100000 new reports per minute"))
_entry(r"an API key is required \(api_key\): ask the city for one",
       lambda tr=tr: tr("an API key is required (api_key): ask the city for one"))
_entry(r"the API key is not valid or its app is disabled",
       lambda tr=tr: tr("the API key is not valid or its app is disabled"))
_entry(r"app (?P<app>\S+) has reached its limit of (?P<rate>\d+) new reports per minute: try again in a minute",
       lambda tr=tr: tr("app {app} has reached its limit of {rate} new reports per minute: try again in a minute"))
_entry(r"unknown service_code (?P<code>.+): see services.json for the services of this city",
       lambda tr=tr: tr("unknown service_code {code}: see services.json for the services of this city"))

# intake, photos and evidence (issue 15)
_entry(r"case (?P<case>\S+) has no extension request to refuse",
       lambda tr=tr: tr("case {case} has no extension request to refuse"))
_entry(r"(?P<action>\w+) needs a photo of stage (?P<stage>\w+) taken for it \(none added since (?P<since>.+)\): "
       r"add the photo with the action",
       lambda tr=tr: tr("{action} needs a {stage} photo taken for it (none added since {since}): add the photo "
                        "with the action"), action=action_label, stage=photo_stage_label)
_entry(r"a report through (?P<source>\S+) needs the reporter's name and phone \(a public channel\): "
       r"ask the caller for them",
       lambda tr=tr: tr("a report through {source} needs the reporter's name and phone (a public channel): ask the "
                        "caller for them"))
_entry(r"the phone number (?P<phone>.+) is not a phone number: digits, spaces, \+ - \( \) only, 3 to 40 characters",
       lambda tr=tr: tr("the phone number {phone} is not a phone number: digits, spaces, + - ( ) only, 3 to 40 "
                        "characters"))
_entry(r"work-order numbers \(external ids\) are recorded by the supervision centre: .*",
       lambda tr=tr: tr("work-order numbers are recorded by the supervision centre (operator, shift leader or "
                        "supervisor)"))
_entry(r"the external id (?P<id>.+) is not usable: 1 to 100 characters",
       lambda tr=tr: tr("the external id {id} is not usable: 1 to 100 characters"))
_entry(r"assisting departments are given as a list of department codes",
       lambda tr=tr: tr("assisting departments are given as a list of department codes"))
_entry(r"at most 10 assisting departments; got (?P<n>\d+)",
       lambda tr=tr: tr("at most 10 assisting departments; got {n}"))
_entry(r"unknown or inactive assisting department (?P<dept>.+)",
       lambda tr=tr: tr("unknown or inactive assisting department {dept}"))
_entry(r"department (?P<dept>\S+) leads the case; it cannot also assist it",
       lambda tr=tr: tr("department {dept} leads the case; it cannot also assist it"))
_entry(r"user (?P<who>\S+) may not add a (?P<stage>\w+) photo to case (?P<case>\S+) now \(.*\)",
       lambda tr=tr: tr("you may not add a {stage} photo to case {case} now (it does not exist, is not yours, or is "
                        "not at that stage)"), stage=photo_stage_label)
_entry(r"the photo (?P<name>.*) is empty", lambda tr=tr: tr("the photo {name} is empty"))
_entry(r"the photo (?P<name>.*) has (?P<mb>\S+) MB; at most (?P<limit>\S+) MB: send a smaller photo .*",
       lambda tr=tr: tr("the photo {name} has {mb} MB; at most {limit} MB: send a smaller photo"))
_entry(r"the file (?P<name>.*) is not a JPEG or PNG photo",
       lambda tr=tr: tr("the file {name} is not a JPEG or PNG photo: choose a photo (.jpg or .png)"))
_entry(r"case (?P<case>\S+) has (?P<n>\d+) photos of stage (?P<stage>\w+) already; at most (?P<limit>\d+)",
       lambda tr=tr: tr("case {case} has {n} {stage} photos already; at most {limit}"), stage=photo_stage_label)
_entry(r"a photo belongs to stage report, verify, handle or check; got (?P<got>.*)",
       lambda tr=tr: tr("a photo belongs to stage report, verify, handle or check; got {got}"))
_entry(r"user (?P<who>\S+) may not attach reports to cases \(.*\)",
       lambda tr=tr: tr("user {who} may not attach reports to cases (operator, supervisor or shift leader)"))
_entry(r"case (?P<case>\S+) is finished \((?P<state>\w+)\); report the problem as a new case",
       lambda tr=tr: tr("case {case} is finished ({state}); report the problem as a new case"), state=state_label)


# city and district platforms (migration 019: platform_set, handover_create)
_entry(r"hand-over at \((?P<x>[^,]+), (?P<y>[^)]+)\) lies outside district (?P<code>\d+) "
       r"\((?P<name>.*)\)'s unit grids; it lies in district (?P<other>.+)",
       lambda tr=tr: tr("the hand-over at ({x}, {y}) lies outside the unit grids of district {code} ({name}); it lies "
                        "in district {other}"))
_entry(r"hand-over at \((?P<x>[^,]+), (?P<y>[^)]+)\) lies outside district (?P<code>\d+) "
       r"\((?P<name>.*)\)'s unit grids; it lies in no linked district",
       lambda tr=tr: tr("the hand-over at ({x}, {y}) lies outside the unit grids of district {code} ({name}) and of "
                        "every linked district"))
_entry(r"district (?P<code>\S+) is not linked to the city \(linked: (?P<linked>.*)\)",
       lambda tr=tr: tr("district {code} is not linked to the city (linked: {linked})"))
_entry(r"this store is not the city platform: only the city hands cases to districts",
       lambda tr=tr: tr("this store is not the city platform: only the city hands cases to districts"))
_entry(r"user (?P<who>\S+) may not hand cases to a district \(needs the role operator or shift leader at the city\)",
       lambda tr=tr: tr("user {who} may not hand cases to a district (needs the role operator or shift leader at "
                        "the city)"))
_entry(r"(?P<kind>event|component) class (?P<code>\S+) is not in the code tables",
       lambda tr=tr: tr("{kind} class {code} is not in the code tables"), kind=_kind)
_entry(r"a hand-over needs a description",
       lambda tr=tr: tr("a hand-over needs a description"))
_entry(r"only the store's owner makes it a district or city platform",
       lambda tr=tr: tr("only the store's owner makes it a district or city platform"))
_entry(r"this store is already the (?P<kind>city|district) platform (?P<code>\d+) \((?P<name>.*)\); a platform's kind "
       r"and code do not change",
       lambda tr=tr: tr("this store is already the {kind} platform {code} ({name}); a platform's kind and code do not "
                        "change"), kind=lambda k: tr("city") if k == "city" else tr("district"))
_entry(r"this store holds districts (?P<others>.+) besides (?P<code>\d+): a district platform is one district",
       lambda tr=tr: tr("this store holds districts {others} besides {code}: a district platform is one district"))
_entry(r"division code (?P<code>.+) is not a 6-digit code \(GB/T 2260\)",
       lambda tr=tr: tr("division code {code} is not a 6-digit code (GB/T 2260)"))


# ... and their hints
_entry(r"check the position \(EPSG:(?P<srid>\d+)\) or hand it to the district it lies in",
       lambda tr=tr: tr("check the position (EPSG:{srid}) or hand it to the district it lies in"))
_entry(r"\./citygrid platform link links a district",
       lambda tr=tr: tr("`./citygrid platform link` links a district"))
_entry(r"\./citygrid platform init city CODE NAME on the city's store",
       lambda tr=tr: tr("`./citygrid platform init city CODE NAME` on the city's store"))
_entry(r"make a new store for another platform",
       lambda tr=tr: tr("make a new store for another platform"))
_entry(r"one store per district, or make this store the city",
       lambda tr=tr: tr("one store per district, or make this store the city"))


def _identity(text: str) -> str:
    return text


def translate(message: str) -> str:
    """*message* (a store refusal, English) in the user's language; unchanged when the catalogue
    does not know it or has no translation of it in the user's language."""
    text = (message or "").strip()
    for pattern, template, shows in _CATALOGUE:
        match = pattern.match(text)
        if match:
            local = template()
            if local == template(_identity):
                return message
            parts = {k: shows[k](v) if k in shows else v for k, v in match.groupdict().items()}
            return local.format(**parts)
    return message
