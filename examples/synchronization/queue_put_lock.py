import queue
from multiprocessing import Lock, Queue

if __name__ == "__main__":
    q = Queue()
    q.put(Lock())  # (1)!
    print("put() returned without an error")
    try:
        q.get(timeout=1)
    except queue.Empty:  # (2)!
        print("get(timeout=1): queue.Empty, the lock never arrived")
