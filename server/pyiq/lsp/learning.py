"""The user's progress as the server sees it: the store, mastery, and issued quiz items.

One :class:`~pyiq.quiz.Store` per server, opened on first use (not at
start-up, so ``initialize`` stays fast and a session that never needs
progress never touches the disk). A store that cannot be opened is
reported once and the server carries on without progress: diagnostics and
hovers must never depend on a SQLite file.

Mastery is read through a :class:`~pyiq.quiz.mastery.Snapshot`, reloaded
when another process recorded answers (``stale``), when this server
recorded one (SQLite's ``data_version`` does not change for the
connection's own commits, so the server marks its snapshot dirty itself),
when the threshold changes, and at least every ``SNAPSHOT_MAX_AGE``
seconds, because cards become due with time alone. Asking SQLite whether
another process wrote costs about a tenth of a millisecond, a noticeable
share of a keystroke, so it is asked at most every ``STALE_CHECK_INTERVAL``
seconds: another process's answers show within that delay, this server's
own at once.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from pyiq.analysis.registry import Registry

if TYPE_CHECKING:
    from pyiq.quiz import QuizItem, Store
    from pyiq.quiz.mastery import Snapshot

log = logging.getLogger(__name__)

SNAPSHOT_MAX_AGE = 60.0
STALE_CHECK_INTERVAL = 0.5
# Items handed to a data-mode client, kept so ``pyiq.recordAnswer`` can grade
# and record them as the quiz engine built them (predict items exist nowhere else).
MAX_ISSUED = 1000


class Learning:
    """Lazily opened progress store, mastery snapshot and the quiz items given out."""

    def __init__(self, registry: Registry, report: Callable[[list[str]], None]) -> None:
        self.registry = registry
        self._report = report
        self._lock = threading.Lock()
        self._store: Store | None = None
        self._opened = False
        self._snapshot: Snapshot | None = None
        self._snapshot_at = 0.0
        self._checked_at = 0.0
        self._dirty = False
        self.threshold = 0.9
        self._issued: OrderedDict[str, QuizItem] = OrderedDict()

    # -- the store ---------------------------------------------------------------

    def store(self) -> Store | None:
        """The progress store, opened once; None (reported once) when unusable."""
        if self._opened:
            return self._store
        with self._lock:
            if self._opened:
                return self._store
            try:
                from pyiq.quiz import Store, StoreError

                try:
                    self._store = Store.open()
                except StoreError as exc:
                    self._report([f"pyiq: progress is not saved: {exc}"])
                else:
                    if self._store.notices:
                        self._report([f"pyiq: {notice}" for notice in self._store.notices])
            except Exception as exc:  # an unexpected failure must not stop the server
                log.exception("opening the progress store failed")
                self._report([f"pyiq: progress is not saved: {exc}"])
            self._opened = True
            return self._store

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
            self._store, self._snapshot = None, None

    # -- mastery -----------------------------------------------------------------

    def set_threshold(self, threshold: float) -> bool:
        """Sets the mastery threshold; whether it changed (then callers republish)."""
        if threshold == self.threshold:
            return False
        self.threshold = threshold
        self._dirty = True
        return True

    def mark_dirty(self) -> None:
        """This server recorded an answer: reload mastery on the next question."""
        self._dirty = True

    def snapshot(self) -> Snapshot | None:
        store = self.store()
        if store is None:
            return None
        try:
            snap = self._snapshot
            now = time.monotonic()
            if (
                snap is None
                or self._dirty
                or now - self._snapshot_at > SNAPSHOT_MAX_AGE
                or (now - self._checked_at >= STALE_CHECK_INTERVAL and snap.stale(store))
            ):
                from pyiq.quiz.mastery import Snapshot

                self._dirty = False
                snap = Snapshot.load(store, self.threshold)
                self._snapshot, self._snapshot_at = snap, now
            if now - self._checked_at >= STALE_CHECK_INTERVAL:
                self._checked_at = now
            return snap
        except Exception:
            log.exception("reading mastery failed")
            return None

    def _is_concept(self, rule_id: str) -> bool:
        rule = self.registry.get(rule_id)
        return rule is not None and not rule.is_bug_risk

    def concept_mastered(self, rule_id: str, snap: Snapshot | None = None) -> bool:
        """A concept the user has mastered; bug risks never count (they never hide)."""
        if not self._is_concept(rule_id):
            return False
        snap = snap or self.snapshot()
        return snap is not None and snap.rule_mastered(rule_id)

    def concept_due(self, rule_id: str, snap: Snapshot | None = None) -> bool:
        if not self._is_concept(rule_id):
            return False
        snap = snap or self.snapshot()
        return snap is not None and snap.rule_due(rule_id)

    # -- issued items --------------------------------------------------------------

    def remember(self, items: Iterable[QuizItem]) -> None:
        for item in items:
            self._issued[item.id] = item
            self._issued.move_to_end(item.id)
        while len(self._issued) > MAX_ISSUED:
            self._issued.popitem(last=False)

    def issued(self, card_id: str) -> QuizItem | None:
        return self._issued.get(card_id)
