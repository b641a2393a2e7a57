from concurrent.futures import (
    ALL_COMPLETED,
    FIRST_COMPLETED,
    CancelledError,
    ProcessPoolExecutor,
    wait,
)
from multiprocessing import Event

gate = None


def set_gate(event):
    global gate
    gate = event


def gated(n):
    gate.wait()  # (1)!
    return n * 10


if __name__ == "__main__":
    opened = Event()
    with ProcessPoolExecutor(
        2, initializer=set_gate, initargs=(opened,)
    ) as ex:
        slow = ex.submit(gated, 1)
        fast = ex.submit(pow, 2, 5)
        done, pending = wait([slow, fast], return_when=FIRST_COMPLETED)  # (2)!
        print("FIRST_COMPLETED:", [f.result() for f in done], end=" ")
        print("| not done:", len(pending))
        print("slow: done()", slow.done(), "running()", slow.running())  # (3)!
        slow2 = ex.submit(gated, 2)  # (4)!
        queued = [ex.submit(pow, 3, n) for n in range(3)]
        last = ex.submit(pow, 3, 3)
        print("cancel() the last one:", last.cancel())  # (5)!
        print("  done()", last.done(), "running()", last.running())
        try:
            last.result()  # (6)!
        except CancelledError:
            print("  result() raises CancelledError")
        opened.set()
        rest = [slow, slow2, *queued]
        done, pending = wait(rest, return_when=ALL_COMPLETED)  # (7)!
        print("ALL_COMPLETED:", [f.result() for f in rest], end=" ")
        print("| not done:", len(pending))
