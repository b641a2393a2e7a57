"""How each mechanism moves a message from one producer to one consumer.

A transport is opened in the orchestrating process (`open`: queues, pipes,
managers, shared blocks), and its ends are handed to the producer and the
consumer, which wrap them in a `Sender` or a `Receiver`.  Message number `seq`
is `send(message, seq)` on one side and `get(seq)` then `done(seq)` on the
other; the consumer checks what `get` returned before calling `done`.

`limit` names the raw channel a transport runs over, which bounds it: `os_pipe`
(Queue, SimpleQueue and one-way Pipe use an OS pipe on POSIX) or `socketpair`
(duplex Pipe; a Manager talks over a Unix socket).  Shared memory and Array
run over no channel; only memcpy bounds them.  The two raw channels are
transports here too (`os_pipe`, `socketpair`): `os.write` of the whole message,
`os.readv` into one reused buffer, no pickling and no framing.

Transports whose `description` says "two slots" use a ring of two slots and a
pair of semaphores (free slots, filled slots), so that the producer fills one
slot while the consumer reads the other.
"""

from __future__ import annotations

import ctypes
import os
import pickle
from multiprocessing import shared_memory
from typing import ClassVar

from benchmarks.sizes import KiB, MiB, size_label


class Transport:
    key = ""
    description = ""
    limit: str | None = None
    max_size: int | None = None
    too_big = ""

    def skip_reason(self, size: int) -> str | None:
        if self.max_size is not None and size > self.max_size:
            return f"only up to {size_label(self.max_size)}: {self.too_big}"
        return None

    def open(self, ctx, size: int):
        """Create the mechanism; returns (ends for both children, cleanup for the parent)."""
        raise NotImplementedError

    def sender(self, ends, size: int) -> Sender:
        raise NotImplementedError

    def receiver(self, ends, size: int) -> Receiver:
        raise NotImplementedError


class Sender:
    def __init__(self, send):
        self.send = send  # send(message, seq)

    def close(self) -> None:
        pass


class Receiver:
    def __init__(self, get):
        self.get = get  # get(seq) -> the message as any bytes-like object

    def done(self, seq: int) -> None:
        pass

    def close(self) -> None:
        pass


def _nothing() -> None:
    pass


# --- queues -------------------------------------------------------------------


class QueueTransport(Transport):
    key = "queue"
    description = "multiprocessing.Queue: put() / get() (a feeder thread pickles into an OS pipe)"
    limit = "os_pipe"

    def open(self, ctx, size):
        return ctx.Queue(), _nothing

    def sender(self, ends, size):
        return Sender(lambda message, seq: ends.put(message))

    def receiver(self, ends, size):
        return Receiver(lambda seq: ends.get())


class SimpleQueueTransport(QueueTransport):
    key = "simple_queue"
    description = "multiprocessing.SimpleQueue: put() / get() (pickles into an OS pipe, no thread)"

    def open(self, ctx, size):
        return ctx.SimpleQueue(), _nothing


# --- pipes --------------------------------------------------------------------


class PipeTransport(Transport):
    """Pipe(duplex=...) with send()/recv() or send_bytes()/recv_bytes()."""

    def __init__(self, duplex: bool, raw_bytes: bool):
        self.duplex, self.raw_bytes = duplex, raw_bytes
        # pipe_send, pipe_send_bytes: the default Pipe(); pipe_oneway_...: duplex=False.
        self.key = f"pipe{'' if duplex else '_oneway'}_send{'_bytes' if raw_bytes else ''}"
        self.limit = "socketpair" if duplex else "os_pipe"
        calls = "send_bytes() / recv_bytes()" if raw_bytes else "send() / recv() (pickled)"
        channel = "Pipe(), a socket pair" if duplex else "Pipe(duplex=False), an OS pipe"
        self.description = f"{channel}: {calls}"

    def open(self, ctx, size):
        return ctx.Pipe(duplex=self.duplex), _nothing

    def sender(self, ends, size):
        end = ends[1]
        send = end.send_bytes if self.raw_bytes else end.send
        return Sender(lambda message, seq: send(message))

    def receiver(self, ends, size):
        end = ends[0]
        return Receiver(lambda seq: end.recv_bytes() if self.raw_bytes else end.recv())


class PipeIntoTransport(Transport):
    key = "pipe_oneway_recv_bytes_into"
    description = "Pipe(duplex=False): send_bytes() / recv_bytes_into() one reused buffer"
    limit = "os_pipe"

    def open(self, ctx, size):
        return ctx.Pipe(duplex=False), _nothing

    def sender(self, ends, size):
        return Sender(lambda message, seq: ends[1].send_bytes(message))

    def receiver(self, ends, size):
        buffer = bytearray(size)

        def get(seq):
            got = ends[0].recv_bytes_into(buffer)
            return buffer if got == size else buffer[:got]

        return Receiver(get)


class Pickle5Transport(Transport):
    key = "pickle5_oob"
    description = (
        "pickle protocol 5 with out-of-band buffers over Pipe() (as pipe_send): the pickle "
        "(a few bytes) and each buffer go as separate send_bytes(), no copy into the pickle"
    )
    limit = "socketpair"

    def open(self, ctx, size):
        return ctx.Pipe(), _nothing

    def sender(self, ends, size):
        end = ends[1]

        def send(message, seq):
            buffers: list[pickle.PickleBuffer] = []
            header = pickle.dumps(
                pickle.PickleBuffer(message), protocol=5, buffer_callback=buffers.append
            )
            end.send_bytes(len(buffers).to_bytes(4, "little") + header)
            for buffer in buffers:
                end.send_bytes(buffer.raw())

        return Sender(send)

    def receiver(self, ends, size):
        end = ends[0]

        def get(seq):
            first = end.recv_bytes()
            buffers = [end.recv_bytes() for _ in range(int.from_bytes(first[:4], "little"))]
            return pickle.loads(memoryview(first)[4:], buffers=buffers)

        return Receiver(get)


class RawChannel(Transport):
    """The OS channel alone: no pickling, no length prefix, no new objects."""

    def __init__(self, duplex: bool):
        self.duplex = duplex
        self.key = self.limit = "socketpair" if duplex else "os_pipe"
        channel = "socket.socketpair()" if duplex else "os.pipe()"
        self.description = (
            f"{channel} alone: os.write() all bytes / os.readv() into a reused buffer"
        )

    def skip_reason(self, size):
        if os.name == "nt":
            return "POSIX only (os.readv on the pipe's file descriptor)"
        return None

    def open(self, ctx, size):
        # The Connection objects only carry the descriptors to the children.
        return ctx.Pipe(duplex=self.duplex), _nothing

    def sender(self, ends, size):
        fd = ends[1].fileno()

        def send(message, seq):
            view = memoryview(message)
            while view:
                view = view[os.write(fd, view) :]

        return Sender(send)

    def receiver(self, ends, size):
        fd, buffer = ends[0].fileno(), bytearray(size)
        view = memoryview(buffer)

        def get(seq):
            got = 0
            while got < size:
                n = os.readv(fd, [view[got:]])
                if n == 0:
                    raise EOFError("the producer closed the channel")
                got += n
            return buffer

        return Receiver(get)


# --- managers -----------------------------------------------------------------


class ManagerQueueTransport(Transport):
    key = "manager_queue"
    description = "Manager().Queue(): put() / get(), each a call to the manager process"
    limit = "socketpair"

    def open(self, ctx, size):
        manager = ctx.Manager()
        return manager.Queue(), manager.shutdown

    def sender(self, ends, size):
        return Sender(lambda message, seq: ends.put(message))

    def receiver(self, ends, size):
        return Receiver(lambda seq: ends.get())


class ManagerListTransport(Transport):
    key = "manager_list"
    description = (
        "Manager().list(): append() / pop(0), a Semaphore counting the items "
        "(so the consumer does not poll)"
    )
    limit = "socketpair"
    max_size = 4 * MiB
    too_big = "a list item crosses the manager like a Manager Queue message; see manager_queue"

    def open(self, ctx, size):
        manager = ctx.Manager()
        return (manager.list(), ctx.Semaphore(0)), manager.shutdown

    def sender(self, ends, size):
        items, count = ends

        def send(message, seq):
            items.append(message)
            count.release()

        return Sender(send)

    def receiver(self, ends, size):
        items, count = ends

        def get(seq):
            count.acquire()
            return items.pop(0)

        return Receiver(get)


class ManagerDictTransport(ManagerListTransport):
    key = "manager_dict"
    description = "Manager().dict(): d[seq] = message / d.pop(seq), a Semaphore counting the items"

    def open(self, ctx, size):
        manager = ctx.Manager()
        return (manager.dict(), ctx.Semaphore(0)), manager.shutdown

    def sender(self, ends, size):
        items, count = ends

        def send(message, seq):
            items[seq] = message
            count.release()

        return Sender(send)

    def receiver(self, ends, size):
        items, count = ends

        def get(seq):
            count.acquire()
            return items.pop(seq)

        return Receiver(get)


# --- shared memory ------------------------------------------------------------


class ArrayTransport(Transport):
    key = "array"
    description = (
        "multiprocessing.Array('B', size) (ctypes, with its lock): the producer writes "
        "under the lock, the consumer copies out under the lock; one slot, two Semaphores"
    )
    max_size = 4 * KiB
    too_big = "Value/Array are for small values; large data belongs in SharedMemory"

    def open(self, ctx, size):
        return (ctx.Array(ctypes.c_ubyte, size), ctx.Semaphore(1), ctx.Semaphore(0)), _nothing

    def sender(self, ends, size):
        array, free, full = ends
        view = memoryview(array.get_obj()).cast("B")

        def send(message, seq):
            free.acquire()
            with array.get_lock():
                view[:] = message
            full.release()

        return _Closing(Sender(send), view)

    def receiver(self, ends, size):
        array, free, full = ends
        view = memoryview(array.get_obj()).cast("B")

        def get(seq):
            full.acquire()
            with array.get_lock():
                data = bytes(view)
            free.release()
            return data

        return _Closing(Receiver(get), view)


class _Closing:
    """A sender or receiver that releases its memoryviews when closed."""

    def __init__(self, inner, *views, block=None):
        self._inner, self._views, self._block = inner, views, block

    def __getattr__(self, name):
        return getattr(self._inner, name)

    def close(self) -> None:
        for view in self._views:
            view.release()
        if self._block is not None:
            self._block.close()


class SharedMemoryTransport(Transport):
    """A SharedMemory block of two slots; the consumer copies out or reads in place."""

    SLOTS = 2
    _READS: ClassVar[dict[str, str]] = {
        "copy_fresh": "copies each message out into a new bytes object",
        "copy_reused": "copies each message out into one reused, pre-touched bytearray",
        "view": "checks each message in place through a memoryview (no copy)",
    }

    def __init__(self, read: str):
        self.read = read
        self.key = f"shm_{read}"
        self.description = (
            "SharedMemory, two slots: the producer copies each message into a slot, "
            f"the consumer {self._READS[read]}"
        )

    def open(self, ctx, size):
        block = shared_memory.SharedMemory(create=True, size=size * self.SLOTS)

        def cleanup():
            block.close()
            block.unlink()

        ends = (block.name, ctx.Semaphore(self.SLOTS), ctx.Semaphore(0))
        return ends, cleanup

    def _slots(self, name, size):
        block = shared_memory.SharedMemory(name=name)
        slots = [block.buf[i * size : (i + 1) * size] for i in range(self.SLOTS)]
        return block, slots

    def sender(self, ends, size):
        name, free, full = ends
        block, slots = self._slots(name, size)

        def send(message, seq):
            free.acquire()
            slots[seq % self.SLOTS][:] = message
            full.release()

        return _Closing(Sender(send), *slots, block=block)

    def receiver(self, ends, size):
        name, free, full = ends
        block, slots = self._slots(name, size)
        reused = bytearray(size)
        # Through a memoryview: `reused[:] = slot` would first copy the slot
        # into a temporary bytearray (bytearray slice assignment does that for
        # any value that is not a bytearray).
        into_reused = memoryview(reused)

        def get(seq):
            full.acquire()
            slot = slots[seq % self.SLOTS]
            if self.read == "view":
                return slot  # released by done() once checked
            if self.read == "copy_fresh":
                data = bytes(slot)
            else:
                into_reused[:] = slot
                data = reused
            free.release()
            return data

        receiver = Receiver(get)
        if self.read == "view":
            receiver.done = lambda seq: free.release()
        return _Closing(receiver, *slots, into_reused, block=block)


THROUGHPUT = [
    QueueTransport(),
    SimpleQueueTransport(),
    PipeTransport(duplex=True, raw_bytes=False),
    PipeTransport(duplex=True, raw_bytes=True),
    PipeTransport(duplex=False, raw_bytes=False),
    PipeTransport(duplex=False, raw_bytes=True),
    PipeIntoTransport(),
    Pickle5Transport(),
    ManagerQueueTransport(),
    ManagerListTransport(),
    ManagerDictTransport(),
    ArrayTransport(),
    SharedMemoryTransport("copy_fresh"),
    SharedMemoryTransport("copy_reused"),
    SharedMemoryTransport("view"),
]
RAW_CHANNELS = [RawChannel(duplex=False), RawChannel(duplex=True)]
BY_KEY = {t.key: t for t in THROUGHPUT + RAW_CHANNELS}
