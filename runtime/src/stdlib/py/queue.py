"""Synchronized queues, with the API of CPython 3.11's queue module.

Queue keeps CPython's structure -- the attributes mutex, not_empty, not_full,
all_tasks_done, unfinished_tasks, maxsize and queue, and the hooks _init, _qsize,
_put and _get that LifoQueue, PriorityQueue and user subclasses override -- but
its methods are native built-ins from _queue that follow CPython's code step by
step. SimpleQueue is native.
"""

import threading
import _queue
from _queue import Empty, SimpleQueue

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']


class Full(Exception):
    'Exception raised by Queue.put(block=0)/put_nowait().'
    pass


_queue._set_full(Full)


class Queue:
    '''Create a queue object with a given maximum size.

    If maxsize is <= 0, the queue size is infinite.
    '''

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        # One lock guards the queue; the three conditions share it.
        self.mutex = threading.Lock()
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0

    task_done = _queue._task_done
    join = _queue._join
    qsize = _queue._qsize
    empty = _queue._empty
    full = _queue._full
    put = _queue._put
    get = _queue._get
    put_nowait = _queue._put_nowait
    get_nowait = _queue._get_nowait

    # Override these to implement another queue organization.
    _init = _queue._fifo_init
    _qsize = _queue._fifo_qsize
    _put = _queue._fifo_put
    _get = _queue._fifo_get

    def __class_getitem__(cls, item):
        # X[int] in annotations (CPython returns a types.GenericAlias)
        return cls


class PriorityQueue(Queue):
    '''A queue that retrieves the lowest entry first (a heap, as heapq).'''

    _init = _queue._list_init
    _qsize = _queue._list_qsize
    _put = _queue._heap_put
    _get = _queue._heap_get


class LifoQueue(Queue):
    '''A queue that retrieves the most recently added entry first.'''

    _init = _queue._list_init
    _qsize = _queue._list_qsize
    _put = _queue._lifo_put
    _get = _queue._lifo_get
