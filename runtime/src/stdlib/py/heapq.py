"""Binary min-heaps kept in plain lists (heap[k] <= heap[2k+1], heap[2k+2]).

The heap primitives are native (_heapq); merge() and the n-best helpers are
written on top of them here."""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']

from _heapq import heappush, heappop, heapify, heapreplace, heappushpop
from _heapq import _heappop_max, _heapify_max, _heapreplace_max


def merge(*iterables, key=None, reverse=False):
    """Lazily merge already-sorted iterables into one sorted stream; among
    equal items, those from earlier iterables come first."""
    if reverse:
        make_heap, drop_top, replace_top, step = _heapify_max, _heappop_max, _heapreplace_max, -1
    else:
        make_heap, drop_top, replace_top, step = heapify, heappop, heapreplace, 1
    # Each heap entry: [sort key, position of its source, value, source].
    entries = []
    for position, source in enumerate(iterables):
        source = iter(source)
        for first in source:
            rank = first if key is None else key(first)
            entries.append([rank, position * step, first, source])
            break
    make_heap(entries)
    while len(entries) > 1:
        top = entries[0]
        yield top[2]
        for following in top[3]:
            top[0] = following if key is None else key(following)
            top[2] = following
            replace_top(entries, top)
            break
        else:
            drop_top(entries)
    if entries:
        _, _, last, source = entries[0]
        yield last
        yield from source


def _best(n, iterable, key, pick, descending):
    if n == 1:
        missing = object()
        winner = pick(iter(iterable), default=missing, key=key)
        return [] if winner is missing else [winner]
    if n <= 0:
        iter(iterable)
        return []
    # sorted() is stable, so equal items keep their input order.
    return sorted(iterable, key=key, reverse=descending)[:n]


def nsmallest(n, iterable, key=None):
    """The n smallest items, smallest first (like sorted(...)[:n])."""
    return _best(n, iterable, key, min, False)


def nlargest(n, iterable, key=None):
    """The n largest items, largest first (like sorted(..., reverse=True)[:n])."""
    return _best(n, iterable, key, max, True)
