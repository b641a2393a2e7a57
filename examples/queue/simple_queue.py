import threading
from multiprocessing import Queue, SimpleQueue


def show(q):
    before = threading.active_count()
    q.put("hello")  # (1)!
    started = threading.active_count() - before
    print(f"{type(q).__name__}: threads started by put(): {started}")
    print("  got:", q.get())
    print("  has qsize():", hasattr(q, "qsize"))  # (2)!
    q.close()  # (3)!


if __name__ == "__main__":
    q = Queue()
    show(q)
    q.join_thread()  # (4)!
    show(SimpleQueue())
