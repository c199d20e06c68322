"""The garbage collector of a long-running process, once it has started.

A started process holds some 120,000 objects that live until it stops (modules, the web app's
routes and schemas, protobuf descriptors, the ORM's tables). CPython's full collections walk all
of them: in the suggestions service under ``bench/submit.py`` load that was a pause of 80–90 ms
about every ten seconds, during which no call in flight moves — most of the benchmark's p99. Frozen
after startup (``gc.freeze``), they are left out of every collection, and a full one takes ~2 ms.

The young generation's threshold goes from 700 to 5,000 allocations: a request's short-lived
objects mostly die by reference counting, so fewer, larger young collections cost less in all
(under the same load, 15 collections and 34 ms in ten seconds instead of 364 and 105 ms), and the
longest is still ~4 ms.
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 5_000


def settle_after_startup() -> None:
    """Call once the process has built what it keeps for its lifetime, before it serves."""
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
