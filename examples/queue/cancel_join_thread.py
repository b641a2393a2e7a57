import queue
from multiprocessing import Process, Queue

COUNT = 1000
ITEM = b"x" * 1000  # (1)!


def produce(q, cancel):
    for _ in range(COUNT):
        q.put(ITEM)
    if cancel:
        q.cancel_join_thread()  # (2)!


def drain(q):
    got = 0
    while True:
        try:
            q.get(timeout=0.5)
        except queue.Empty:
            return got
        got += 1


if __name__ == "__main__":
    q = Queue()
    p = Process(target=produce, args=(q, True))
    p.start()
    p.join()  # (3)!
    got = drain(q)
    print(f"cancelled: join() returned, got all {COUNT}: {got == COUNT}")

    q = Queue()
    p = Process(target=produce, args=(q, False))
    p.start()
    got = sum(1 for _ in range(COUNT) if q.get(timeout=10))  # (4)!
    p.join()
    print(f"drained before join(): got all {COUNT}: {got == COUNT}")
