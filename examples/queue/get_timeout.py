import queue
from multiprocessing import Process, Queue


def produce(q):
    for word in ("one", "two", "three"):
        q.put(word)


if __name__ == "__main__":
    q = Queue()
    p = Process(target=produce, args=(q,))
    p.start()
    for _ in range(3):
        print("got", q.get(timeout=10))  # (1)!
    p.join()
    try:
        q.get(timeout=0.1)  # (2)!
    except queue.Empty:  # (3)!
        print("queue.Empty after 0.1 s: nothing more is coming")
    try:
        q.get_nowait()
    except queue.Empty:
        print("get_nowait() raises queue.Empty at once")
