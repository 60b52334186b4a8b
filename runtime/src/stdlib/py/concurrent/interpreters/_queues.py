"""Cross-interpreter queues (concurrent.interpreters._queues, PEP 734).

Queue objects are native (_interpqueues.Queue): put() copies the object into
shareable data (NotShareableError, and nothing enqueued, if it can't be), get()
builds a fresh object in the receiving interpreter. A queue passed through a
queue or prepare_main() is the same queue on the other side. Blocking put() and
get() release the GIL and are woken by the queue itself.
"""

import _interpqueues
from _interpqueues import Queue, QueueError, QueueNotFoundError

try:
    import queue as _queue
except ImportError:
    _queue = None

__all__ = [
    'UNBOUND', 'UNBOUND_ERROR', 'UNBOUND_REMOVE',
    'create', 'Queue',
    'QueueError', 'QueueNotFoundError', 'QueueEmpty', 'QueueFull',
    'ItemInterpreterDestroyed',
]

# QueueEmpty and QueueFull are also queue.Empty and queue.Full when the queue
# module exists (checked once, here).
if _queue is not None:
    class QueueEmpty(QueueError, _queue.Empty):
        """Raised from get_nowait() when the queue is empty.

        It is also raised from get() if it times out.
        """

    class QueueFull(QueueError, _queue.Full):
        """Raised from put_nowait() when the queue is full.

        It is also raised from put() if it times out.
        """
else:
    class QueueEmpty(QueueError):
        """Raised from get_nowait() when the queue is empty.

        It is also raised from get() if it times out.
        """

    class QueueFull(QueueError):
        """Raised from put_nowait() when the queue is full.

        It is also raised from put() if it times out.
        """

QueueEmpty.__module__ = 'concurrent.interpreters._queues'
QueueFull.__module__ = 'concurrent.interpreters._queues'


class ItemInterpreterDestroyed(QueueError):
    """Raised from get() and get_nowait() for an item whose interpreter was
    destroyed, when the queue was created with unbounditems=UNBOUND_ERROR."""


class UnboundItem:
    """The marker get() returns in place of an item whose interpreter was
    destroyed (unbounditems=UNBOUND, the default)."""

    def __init__(self, name):
        self._name = name

    def __repr__(self):
        return self._name


UNBOUND = UnboundItem('concurrent.interpreters._queues.UNBOUND')
UNBOUND_ERROR = UnboundItem('concurrent.interpreters._queues.UNBOUND_ERROR')
UNBOUND_REMOVE = UnboundItem('concurrent.interpreters._queues.UNBOUND_REMOVE')

def _flag(unbounditems):
    if unbounditems is UNBOUND:
        return 3
    if unbounditems is UNBOUND_ERROR:
        return 2
    if unbounditems is UNBOUND_REMOVE:
        return 1
    raise NotImplementedError(f'unsupported unbounditems {unbounditems!r}')


def create(maxsize=0, *, unbounditems=UNBOUND):
    """Return a new cross-interpreter queue.

    "unbounditems" says what get() does with an item whose interpreter was
    destroyed: UNBOUND (return UNBOUND instead), UNBOUND_ERROR (raise
    ItemInterpreterDestroyed) or UNBOUND_REMOVE (skip it).
    """
    return _interpqueues.create(maxsize, _flag(unbounditems))


_interpqueues._register(QueueEmpty, QueueFull, ItemInterpreterDestroyed,
                        UNBOUND, UNBOUND_ERROR, UNBOUND_REMOVE)
