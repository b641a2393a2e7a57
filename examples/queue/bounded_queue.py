import queue
from multiprocessing import Pipe, Process, Queue


def produce(q, log):
    for n in range(4):
        q.put(n)  # (1)!
        log.send(f"put({n}) returned")


if __name__ == "__main__":
    q = Queue(maxsize=2)
    log, child_log = Pipe(duplex=False)
    p = Process(target=produce, args=(q, child_log))
    p.start()
    print(log.recv())
    print(log.recv())
    print("full():", q.full())  # (2)!
    print("put(2) returned within 1 s:", log.poll(1))  # (3)!
    print("parent got", q.get())  # (4)!
    print(log.recv())
    print("parent got", [q.get() for _ in range(3)])
    print(log.recv())
    p.join()

    q = Queue(maxsize=1)
    q.put("a")
    try:
        q.put_nowait("b")  # (5)!
    except queue.Full:  # (6)!
        print("put_nowait(): queue.Full")
    try:
        q.put("b", timeout=0.1)
    except queue.Full:
        print("put(timeout=0.1): queue.Full")
    print("got", q.get(), "| full():", q.full())
