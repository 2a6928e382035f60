"""Bounded concurrency for the independent reads and writes of a command (images, pools, the two sides)."""

from concurrent.futures import ThreadPoolExecutor

from ._constants import MAX_CONCURRENCY


def map_concurrently(func, items, max_workers=MAX_CONCURRENCY):
    """`func` over `items`, at most `max_workers` at a time; results in the order of `items`. The first
    exception raised by any call is raised here, after the others have finished."""
    items = list(items)
    if len(items) <= 1:
        return [func(item) for item in items]
    with ThreadPoolExecutor(max_workers=min(max_workers, len(items))) as pool:
        return list(pool.map(func, items))
