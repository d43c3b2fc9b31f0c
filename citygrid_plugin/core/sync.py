"""Three-way diff of a field-work package (外业数据包) against the store.

A census package holds a copy of the components of some unit grids. When it comes back, three
states of every component are compared, each a dict ``{uid: (version, hash, values)}``:

* **base**: the snapshot taken at export (or at the last sync), ``values`` unused;
* **local**: the package now (``version`` is ``None`` for features recorded in the field);
* **remote**: the store now (active components only; retired ones are passed as ``retired``).

The result is a list of :class:`Change` (what to do on which side) and the conflicts, which are
never applied: a person decides them. Pure Python: no QGIS, no database driver, so the same
logic runs in the plugin, in ``qgis_process`` and on a server.

Rules (``uid`` = the component's UUID, kept by QGIS and QField when a feature is recorded):

====================  =====================  ==========================================
local                 remote                 outcome
====================  =====================  ==========================================
new (not in base)     absent                 INSERT into the store
new                   same content           SAME (an interrupted sync already committed)
new                   different content      CONFLICT
new                   retired                CONFLICT
unchanged             unchanged              nothing
unchanged             changed                REFRESH the package row
unchanged             retired / absent       REFRESH (remove from the package)
changed               unchanged              UPDATE the store
changed               changed, same content  SAME
changed               changed differently    CONFLICT
changed               retired / absent       CONFLICT
deleted               unchanged              RETIRE in the store
deleted               changed                CONFLICT
deleted               retired / absent       FORGET (gone on both sides)
absent (not in base)  active in the grids    ADD to the package
====================  =====================  ==========================================

"Same content" compares the editable values; a value left empty locally matches any value the
store fills in by itself (``defaulted``: e.g. the name and accuracy class taken from the class).

A conflict can be resolved by writing ``local`` or ``remote`` into its ``resolution`` (see
:func:`diff`); the resolution is honoured only while the store still holds the version the
conflict was reported against.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .i18n import tr

INSERT = "insert"
UPDATE = "update"
RETIRE = "retire"
REFRESH = "refresh"          # store → package: replace the package row
ADD = "add"                  # store → package: a component new in the package's grids
REMOVE = "remove"            # store → package: retired in the store, unchanged locally
SAME = "same"                # both sides already hold the same content: adopt code/version
FORGET = "forget"            # deleted on both sides
CONFLICT = "conflict"

STORE_WRITES = (INSERT, UPDATE, RETIRE)
PACKAGE_WRITES = (REFRESH, ADD, REMOVE)

# what happened on each side, for the conflict report
LOCAL_NEW, LOCAL_CHANGED, LOCAL_DELETED, LOCAL_UNCHANGED = "new", "changed", "deleted", "unchanged"
REMOTE_CHANGED, REMOTE_RETIRED, REMOTE_EXISTS, REMOTE_UNCHANGED = "changed", "retired", "exists", "unchanged"

State = Mapping[str, tuple[Any, str, Any]]


@dataclass(frozen=True)
class Change:
    uid: str
    action: str
    local: str = ""            # what happened in the package (LOCAL_*)
    remote: str = ""           # what happened in the store (REMOTE_*)
    expected_version: int | None = None   # the store version the write is based on
    detail: str = ""


@dataclass
class ChangeSet:
    changes: list[Change] = field(default_factory=list)

    def by_action(self, *actions: str) -> list[Change]:
        return [c for c in self.changes if c.action in actions]

    @property
    def conflicts(self) -> list[Change]:
        return self.by_action(CONFLICT)

    def counts(self) -> Counter:
        return Counter(c.action for c in self.changes)

    def is_empty(self) -> bool:
        """True when neither side needs a write (conflicts stay pending, they are not work)."""
        return not self.by_action(INSERT, UPDATE, RETIRE, REFRESH, ADD, REMOVE, SAME, FORGET)


def normalise(value: Any) -> Any:
    """A value as it is compared and hashed: empty text is NULL, dates are ISO text, whole
    floats are ints (GeoPackage and PostgreSQL disagree on numeric types), bytes are hex."""
    if value is None:
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def row_hash(values: Mapping[str, Any]) -> str:
    """SHA-256 of the normalised values (keys sorted), the fingerprint of a row's content."""
    payload = json.dumps({k: normalise(v) for k, v in sorted(values.items())}, ensure_ascii=False,
                         sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def same_content(local: Mapping[str, Any] | None, remote: Mapping[str, Any] | None,
                 defaulted: Iterable[str] = ()) -> bool:
    """The local values are already in the store: equal field by field, where a field in
    *defaulted* left empty locally matches whatever the store filled in."""
    if local is None or remote is None:
        return False
    defaulted = set(defaulted)
    for key in set(local) | set(remote):
        a, b = normalise(local.get(key)), normalise(remote.get(key))
        if a == b or (a is None and key in defaulted):
            continue
        return False
    return True


def diff(base: State, local: State, remote: State, retired: Iterable[str] = (),
         defaulted: Iterable[str] = (), resolutions: Mapping[str, tuple[str, int | None]] | None = None
         ) -> ChangeSet:
    """The change set of a package. *resolutions* maps a conflicting uid to ``('local' |
    'remote', store version seen when the conflict was reported)``: ``remote`` takes the
    store's row into the package, ``local`` writes the package's row to the store; either only
    while the store still has that version (otherwise the conflict is reported again)."""
    retired = set(retired)
    defaulted = tuple(defaulted)
    resolutions = resolutions or {}
    out = ChangeSet()
    for uid in sorted(set(base) | set(local) | set(remote)):
        in_base, in_local, in_remote = uid in base, uid in local, uid in remote
        b_version, b_hash = (base[uid][0], base[uid][1]) if in_base else (None, None)
        l_hash, l_values = (local[uid][1], local[uid][2]) if in_local else (None, None)
        r_version, r_hash, r_values = remote[uid] if in_remote else (None, None, None)

        if not in_base:
            if in_local and in_remote:
                if l_hash == r_hash or same_content(l_values, r_values, defaulted):
                    out.changes.append(Change(uid, SAME, LOCAL_NEW, REMOTE_EXISTS, r_version))
                else:
                    out.changes.append(_resolve(uid, LOCAL_NEW, REMOTE_EXISTS, r_version, resolutions, in_local,
                                                in_remote))
            elif in_local and uid in retired:
                out.changes.append(Change(uid, CONFLICT, LOCAL_NEW, REMOTE_RETIRED,
                                          detail=tr("the uid belongs to a component already retired in the store")))
            elif in_local:
                out.changes.append(Change(uid, INSERT, LOCAL_NEW, ""))
            else:
                out.changes.append(Change(uid, ADD, "", REMOTE_EXISTS, r_version))
            continue

        local_state = LOCAL_DELETED if not in_local else LOCAL_CHANGED if l_hash != b_hash else LOCAL_UNCHANGED
        if not in_remote:
            remote_state = REMOTE_RETIRED
        elif r_version != b_version:
            remote_state = REMOTE_CHANGED
        else:
            remote_state = REMOTE_UNCHANGED

        if local_state == LOCAL_UNCHANGED:
            if remote_state == REMOTE_CHANGED:
                out.changes.append(Change(uid, REFRESH, local_state, remote_state, r_version))
            elif remote_state == REMOTE_RETIRED:
                out.changes.append(Change(uid, REMOVE, local_state, remote_state))
        elif remote_state == REMOTE_UNCHANGED:
            action = UPDATE if local_state == LOCAL_CHANGED else RETIRE
            out.changes.append(Change(uid, action, local_state, remote_state, r_version))
        elif local_state == LOCAL_DELETED and remote_state == REMOTE_RETIRED:
            out.changes.append(Change(uid, FORGET, local_state, remote_state))
        elif (local_state == LOCAL_CHANGED and remote_state == REMOTE_CHANGED
              and (l_hash == r_hash or same_content(l_values, r_values, defaulted))):
            out.changes.append(Change(uid, SAME, local_state, remote_state, r_version))
        else:
            out.changes.append(_resolve(uid, local_state, remote_state, r_version, resolutions, in_local,
                                        in_remote))
    return out


def _resolve(uid, local_state, remote_state, r_version, resolutions, in_local, in_remote) -> Change:
    choice, seen = resolutions.get(uid, ("", None))
    if choice and seen == r_version:
        if choice == "remote":
            if in_remote:
                action = REFRESH if in_local else ADD
            else:
                action = REMOVE if in_local else FORGET
            return Change(uid, action, local_state, remote_state, r_version,
                          detail=tr("resolved: the store's version kept"))
        if choice == "local" and in_remote:
            action = UPDATE if in_local else RETIRE
            return Change(uid, action, local_state, remote_state, r_version,
                          detail=tr("resolved: the package's version kept"))
        if choice == "local" and not in_remote and in_local:
            return Change(uid, CONFLICT, local_state, remote_state, r_version,
                          detail=tr("retired in the store; a retired component cannot be revived: record it "
                                    "again as a new feature"))
    return Change(uid, CONFLICT, local_state, remote_state, r_version)
