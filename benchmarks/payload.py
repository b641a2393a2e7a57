"""The messages every benchmark sends, and the checks that they arrived intact.

A producer sends message `seq` as `pool[seq % len(pool)]`: a small pool of
distinct, immutable `bytes` built before timing.  Immutable, because
`Queue.put()` returns before its feeder thread has pickled the object, so a
producer that rewrote one buffer between puts would send later contents.

Each message is a pseudo-random body (a seeded 64 KiB block, repeated) with
*stamps*: the bytes at every `stride`-th position are overwritten with a
pattern that depends on the position and on the message's pool index, so a
lost, repeated, reordered, shifted or truncated message changes what the
consumer finds there.

Checks, both raising `IntegrityError`:

* `check(data, seq)` runs on every message inside the timed region.  Up to
  `FULL_CHECK_MAX` bytes it compares the whole message (one memcmp); above, it
  compares the length and the stamps only (at most ~1,000 bytes gathered in C),
  so it costs a few percent of a transfer at most.
* `check_full(data, seq)` compares every byte; the harness runs it on every
  warm-up message and on the last message of each timed round, outside the
  timed region.  The consumer keeps the expected messages for that (as much
  memory as the producer's pool: 32 MiB, or two messages if larger).
"""

from __future__ import annotations

import random

# Messages up to this size are compared in full on every arrival.
FULL_CHECK_MAX = 64 * 1024
# Bytes of distinct messages a producer keeps ready; at least 2, at most 256.
POOL_BYTES = 32 * 1024 * 1024
MAX_SAMPLES = 1024
_BLOCK = random.Random(20240601).getrandbits(8 * 65536).to_bytes(65536, "little")


class IntegrityError(AssertionError):
    """A message arrived different from what was sent: the benchmark is void."""


class Payload:
    """The messages of one size, and how to check them."""

    def __init__(self, size: int):
        if size < 1:
            raise ValueError("payload size must be positive")
        self.size = size
        self.pool_size = max(2, min(256, POOL_BYTES // size))
        # Every byte of a small message is a stamp; large ones get 64 to 1,024.
        self.stride = max(1, min(65536, size // 64))
        if -(-size // self.stride) > MAX_SAMPLES:
            self.stride = -(-size // MAX_SAMPLES)
        self._count = len(range(0, size, self.stride))
        self._expected: dict[int, bytearray] = {}
        self._stamp_cache: dict[int, bytes] = {}

    def stamps(self, index: int) -> bytes:
        """The bytes at positions 0, stride, 2*stride, ... of pool message `index`."""
        # 131 and 37 are odd, so stamps differ for every position and index mod 256.
        return bytes((i * 131 + index * 37 + 1) & 0xFF for i in range(self._count))

    def message(self, index: int) -> bytes:
        """Pool message `index` (0 <= index < pool_size)."""
        return bytes(self._build(index))

    def _build(self, index: int) -> bytearray:
        body = bytearray(_BLOCK) * (self.size // len(_BLOCK) + 1)
        del body[self.size :]
        body[:: self.stride] = self.stamps(index)
        return body

    def pool(self) -> list[bytes]:
        return [self.message(i) for i in range(self.pool_size)]

    def check(self, data, seq: int) -> None:
        """Fast check of message `seq` (every message, inside the timed region)."""
        index = seq % self.pool_size
        if self.size <= FULL_CHECK_MAX:
            # bytearray == any buffer is one memcmp (and False for another length).
            if self._expected_message(index) == data:
                return
            view = _bytes_view(data)
        else:
            view = _bytes_view(data)
            if view.nbytes == self.size and view[:: self.stride].tobytes() == self._stamps(index):
                return
        if view.nbytes != self.size:
            raise IntegrityError(f"message {seq}: {view.nbytes} bytes, expected {self.size}")
        raise IntegrityError(f"message {seq} of {self.size} bytes arrived changed")

    def check_full(self, data, seq: int) -> None:
        """Every byte of message `seq` (warm-up and last messages, outside timing)."""
        self.check(data, seq)
        # bytearray == buffer is one memcmp; memoryview == buffer compares item by item.
        if self._expected_message(seq % self.pool_size) != _bytes_view(data):
            raise IntegrityError(f"message {seq} of {self.size} bytes arrived changed")

    def _expected_message(self, index: int) -> bytearray:
        expected = self._expected.get(index)
        if expected is None:
            expected = self._expected[index] = self._build(index)
        return expected

    def _stamps(self, index: int) -> bytes:
        stamps = self._stamp_cache.get(index)
        if stamps is None:
            stamps = self._stamp_cache[index] = self.stamps(index)
        return stamps


def _bytes_view(data) -> memoryview:
    view = memoryview(data)
    return view if view.format == "B" and view.ndim == 1 else view.cast("B")
