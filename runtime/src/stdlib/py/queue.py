"""queue for atoll: thread-safe FIFO, LIFO and priority queues.

The blocking logic is native (module _queue). A Queue still exposes what
programs and subclasses use: maxsize, unfinished_tasks, the lock `mutex` and
the conditions not_empty, not_full and all_tasks_done built on it, the
container `queue`, and the storage hooks _init, _qsize, _put and _get, which
the native methods call (so a subclass may override them).
"""

import threading
import _queue
from _queue import Empty, SimpleQueue

__all__ = 'Empty Full Queue PriorityQueue LifoQueue SimpleQueue'.split()


class Full(Exception):
    """put_nowait(), or put() without blocking or past its timeout, on a
    queue that has no room."""


_queue._set_full(Full)


class Queue:
    """First in, first out. maxsize > 0 bounds the number of items; 0 or less
    means no bound."""

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        guard = threading.Lock()
        self.mutex = guard
        self.not_empty, self.not_full, self.all_tasks_done = (
            threading.Condition(guard), threading.Condition(guard),
            threading.Condition(guard))
        self.unfinished_tasks = 0

    put = _queue._put
    get = _queue._get
    put_nowait = _queue._put_nowait
    get_nowait = _queue._get_nowait
    task_done = _queue._task_done
    join = _queue._join
    qsize = _queue._qsize
    empty = _queue._empty
    full = _queue._full

    # storage: a deque
    _init = _queue._fifo_init
    _qsize = _queue._fifo_qsize
    _put = _queue._fifo_put
    _get = _queue._fifo_get

    def __class_getitem__(cls, item):
        # Queue[int] in an annotation; CPython gives a types.GenericAlias
        return cls


class PriorityQueue(Queue):
    """Smallest item first (kept as a heap in a list)."""

    _init = _queue._list_init
    _qsize = _queue._list_qsize
    _put = _queue._heap_put
    _get = _queue._heap_get


class LifoQueue(Queue):
    """Last in, first out (a stack in a list)."""

    _init = _queue._list_init
    _qsize = _queue._list_qsize
    _put = _queue._lifo_put
    _get = _queue._lifo_get
