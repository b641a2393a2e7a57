import logging
import logging.handlers
import random
import signal
import sys
import threading
import traceback
import zlib
from multiprocessing import Barrier, Event, Process, Queue, active_children
from multiprocessing.shared_memory import SharedMemory
from types import SimpleNamespace

ITEMS, PRODUCERS, WORKERS, SLOTS, FRAME = 80, 2, 3, 4, 4096


def make_frame(item):  # the real work: one item in, FRAME bytes out
    return random.Random(item).randbytes(FRAME)


def child_setup(q):
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # (1)!
    logging.getLogger().handlers = [logging.handlers.QueueHandler(q.log)]
    logging.getLogger().setLevel(logging.INFO)
    q.ready.wait()


def produce(n, q):
    child_setup(q)
    taken = 0
    for item in range(n, ITEMS, PRODUCERS):
        if q.stop.is_set():  # (2)!
            break
        q.tasks.put(item)  # (3)!
        taken += 1
    q.done.put(("taken", taken))
    logging.info("producer %d finished", n)


def work(n, q):
    child_setup(q)
    shm = SharedMemory(name=q.shm_name)
    for item in iter(q.tasks.get, None):
        try:
            frame = q.make_frame(item)
        except Exception as exc:  # (4)!
            logging.error("item %d failed", item)
            q.done.put(("failed", (exc, traceback.format_exc())))
            continue
        slot = q.free.get()  # (5)!
        shm.buf[slot * FRAME : (slot + 1) * FRAME] = frame
        q.done.put(("frame", slot))
    shm.close()
    q.done.put(("exit", n))
    logging.info("worker %d finished", n)


def close_intake(producers, tasks):  # (6)!
    for producer in producers:
        producer.join()
    for _ in range(WORKERS):
        tasks.put(None)


class RemoteTraceback(Exception):
    def __str__(self):
        return f'\n"""\n{self.args[0]}"""'


def run(make_frame=make_frame, on_frame=None):  # (7)!
    log, records = Queue(), logging.handlers.BufferingHandler(999)
    listener = logging.handlers.QueueListener(log, records)  # (8)!
    listener.start()
    logging.getLogger().handlers = [logging.handlers.QueueHandler(log)]
    shm = SharedMemory(create=True, size=SLOTS * FRAME)
    q = SimpleNamespace(log=log, shm_name=shm.name, free=Queue(), done=Queue())
    q.tasks = Queue(maxsize=2 * WORKERS)  # (9)!
    q.stop, q.ready = Event(), Barrier(PRODUCERS + WORKERS + 1)
    q.make_frame = make_frame
    for slot in range(SLOTS):
        q.free.put(slot)
    roles = [(produce, n) for n in range(PRODUCERS)]
    roles += [(work, n) for n in range(WORKERS)]
    children = [Process(target=f, args=(n, q)) for f, n in roles]
    for child in children:
        child.start()
    q.ready.wait()  # (10)!
    intake = threading.Thread(
        target=close_intake, args=(children[:PRODUCERS], q.tasks)
    )
    intake.start()
    signals = []
    for signum in (signal.SIGINT, signal.SIGTERM):  # (11)!
        signal.signal(signum, lambda signum, frame: signals.append(signum))
    taken, frames, failures, checksum, exited = 0, 0, [], 0, 0
    while exited < WORKERS:  # (12)!
        kind, value = q.done.get()
        if kind == "frame":
            start = value * FRAME
            checksum += zlib.crc32(shm.buf[start : start + FRAME])
            q.free.put(value)  # the slot can take the next frame
            frames += 1
            if frames % 20 == 0:
                print(f"{frames}/{ITEMS} frames", file=sys.stderr)  # (13)!
            if on_frame:
                on_frame(frames, children)  # (14)!
        elif kind == "failed":
            failures.append(value)
        elif kind == "taken":
            taken += value
        else:
            exited += 1
        if (signals or failures) and not q.stop.is_set():
            q.stop.set()  # (15)!
            why = signal.Signals(signals[0]).name if signals else "an error"
            logging.warning("stop after %s", why)
            print(f"{why}: no new items; finishing the ones taken in")
    intake.join()
    for child in children:
        child.join()
    shm.close()
    shm.unlink()  # (16)!
    listener.stop()
    if q.stop.is_set():
        print("all items taken in handled:", frames + len(failures) == taken)
    else:
        print(f"frames: {frames}, checksum: {checksum % 2**32:08x}")
    lines = sorted(f"{r.levelname} {r.getMessage()}" for r in records.buffer)
    print(f"log records: {len(lines)}", *lines, sep="\n  ")
    print("children left:", len(active_children()))  # (17)!
    try:
        SharedMemory(name=shm.name)
    except FileNotFoundError:
        print("shared block unlinked: True")
    if failures:
        exc, text = failures[0]
        raise exc from RemoteTraceback(text)  # (18)!
    return 128 + signals[0] if signals else 0  # (19)!
