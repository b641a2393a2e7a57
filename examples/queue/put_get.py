from dataclasses import dataclass
from multiprocessing import Process, Queue


@dataclass
class Order:
    item: str
    quantity: int


def produce(q):
    q.put([2, None, "hello"])  # (1)!
    q.put({"user": "alice", "scores": (90, 85)})
    q.put(Order("tea", 3))  # (2)!


if __name__ == "__main__":  # (3)!
    q = Queue()
    p = Process(target=produce, args=(q,))
    p.start()
    for _ in range(3):
        print(q.get())  # (4)!
    p.join()
