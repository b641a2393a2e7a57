import queue
import time
from concurrent import interpreters


def wait(call):
    start = time.monotonic()
    try:
        call()
    except (queue.Empty, queue.Full) as error:
        return type(error).__name__, time.monotonic() - start


def get_with_deadline(inbox, timeout):  # (1)!
    deadline = time.monotonic() + timeout
    while True:
        try:
            return inbox.get_nowait()
        except interpreters.QueueEmpty:
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.01)


if __name__ == "__main__":
    inbox = interpreters.create_queue(maxsize=1)
    name, took = wait(lambda: inbox.get(timeout=0.5))  # (2)!
    print(f"get(timeout=0.5): {name}, less than 0.5 s later: {took < 0.5}")
    inbox.put("x")
    name, took = wait(lambda: inbox.put("y", timeout=0.5))  # (3)!
    print(f"put(timeout=0.5): {name}, less than 0.5 s later: {took < 0.5}")
    inbox.get()
    name, took = wait(lambda: get_with_deadline(inbox, 0.5))
    print(f"get_with_deadline(0.5): {name}, at least 0.5 s: {took >= 0.5}")
    name, took = wait(lambda: queue.Queue().get(timeout=0.5))  # (4)!
    print(f"queue.Queue().get(0.5): {name}, at least 0.5 s: {took >= 0.5}")
