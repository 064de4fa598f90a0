"""Passes over the mark matrix in cache-sized blocks of rows, without widening it to ``int64``.

The count reads the matrix once, a block at a time: while a block sits in the CPU cache, its
rows are counted (how many names a ballot keeps) and its columns summed over the valid rows.
Temporaries are the size of a block, never of the matrix, so peak memory stays close to the
matrix itself however many ballots there are. Sums of at most 255 rows of 0/1 values fit in a
``uint8``, so columns are first summed in groups of 255 rows without widening, and only the
group totals are added up as ``int64`` (exact for any number of ballots).

Every function here takes a 0/1 block (a strike-out matrix, or a yes/no matrix compared with
one mark); ``docs/performance.md`` gives the measurements behind the choices.

>>> import numpy as np
>>> block = np.array([[1, 0, 1], [1, 1, 1], [0, 0, 0]], dtype=np.uint8)
>>> row_sums(block).tolist()
[2, 3, 0]
>>> column_sums(block, np.array([1, 0, 1], dtype=np.uint8)).tolist()
[1, 0, 1]
>>> [(b.start, b.stop) for b in blocks(70_000, k=10)]
[(0, 32640), (32640, 65280), (65280, 70000)]
>>> [(b.start, b.stop) for b in blocks(20_000, k=200)]
[(0, 5100), (5100, 10200), (10200, 15300), (15300, 20000)]
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import numpy.typing as npt

BLOCK_BYTES = 1 << 20
"""Target size of one block of the mark matrix (it and its temporaries stay in L2 cache)."""
GROUP = 255
"""Rows summed in ``uint8`` before widening: 255 ones is the most a ``uint8`` holds."""
MAX_ROWS = 128 * GROUP
"""Most rows in a block, so that per-row temporaries (a byte or two per ballot, several at
once) stay small beside the block when ballots are short."""
NARROW = 24
"""Up to this many candidates, rows and columns are summed by ``uint8`` matrix products
(numpy's reductions loop per row, which is slow for short rows); above it, by reductions."""

Block = npt.NDArray[np.uint8] | npt.NDArray[np.bool_]


def blocks(n: int, k: int) -> Iterator[slice]:
    """Row ranges of about :data:`BLOCK_BYTES` each (a multiple of :data:`GROUP` rows)."""
    rows = min(MAX_ROWS, max(GROUP, BLOCK_BYTES // max(k, 1) // GROUP * GROUP))
    for start in range(0, n, rows):
        yield slice(start, min(start + rows, n))


def row_sums(block: Block) -> npt.NDArray[np.unsignedinteger]:
    """Ones per row of a 0/1 block, in the narrowest unsigned type that holds the row length."""
    k = block.shape[1]
    data = block.view(np.uint8)
    if k == 1:  # one name (a post elected yes/no): the row is its own sum
        return data[:, 0]
    if k <= NARROW:
        return data @ np.ones(k, dtype=np.uint8)
    dtype = np.uint8 if k <= 0xFF else np.uint16 if k <= 0xFFFF else np.uint64
    result: npt.NDArray[np.unsignedinteger] = np.add.reduce(data, axis=1, dtype=dtype)
    return result


def column_sums(block: Block, rows: npt.NDArray[np.uint8]) -> npt.NDArray[np.int64]:
    """Per-column sums of a 0/1 block over the rows where ``rows`` (0/1, one per row) is 1."""
    data = block.view(np.uint8)
    n, k = data.shape
    total = np.zeros(k, dtype=np.int64)
    whole = n - n % GROUP
    if whole:
        grouped = data[:whole].reshape(-1, GROUP, k)
        if k <= NARROW:
            weights = rows[:whole].reshape(-1, 1, GROUP)
            total += np.matmul(weights, grouped).sum(axis=(0, 1), dtype=np.int64)
        else:
            left_out = np.flatnonzero(rows[:whole] == 0)
            if left_out.size * 8 > whole:
                grouped = (data[:whole] * rows[:whole, None]).reshape(-1, GROUP, k)
            total += grouped.sum(axis=1, dtype=np.uint8).sum(axis=0, dtype=np.int64)
            if 0 < left_out.size * 8 <= whole:
                total -= data[left_out].sum(axis=0, dtype=np.int64)
    if whole < n:
        tail = data[whole:][rows[whole:].astype(bool)]
        total += tail.sum(axis=0, dtype=np.int64)
    return total
