import threading
import time
from multiprocessing import Barrier, Process, Queue


def party(name, barrier, results):
    try:
        barrier.wait()
        results.put(f"{name}: passed")
    except threading.BrokenBarrierError:  # (1)!
        results.put(f"{name}: BrokenBarrierError")


def start_two(barrier, results):
    procs = [
        Process(target=party, args=(name, barrier, results))
        for name in ("a", "b")
    ]
    for p in procs:
        p.start()
    return procs


if __name__ == "__main__":
    barrier = Barrier(3)
    results = Queue()
    print("parties:", barrier.parties)
    procs = start_two(barrier, results)
    while barrier.n_waiting < 2:  # (2)!
        time.sleep(0.01)
    print("n_waiting:", barrier.n_waiting, "| broken:", barrier.broken)
    barrier.abort()  # (3)!
    print(sorted(results.get() for _ in procs))
    for p in procs:
        p.join()
    print("broken:", barrier.broken, "| n_waiting:", barrier.n_waiting)
    try:
        barrier.wait()  # (4)!
    except threading.BrokenBarrierError:
        print("wait() on a broken barrier: BrokenBarrierError at once")
    barrier.reset()  # (5)!
    print("after reset(): broken:", barrier.broken)
    procs = start_two(barrier, results)
    barrier.wait()  # (6)!
    print(sorted(results.get() for _ in procs))
    for p in procs:
        p.join()
