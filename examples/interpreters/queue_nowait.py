import queue
from concurrent import interpreters


def fill(inbox):
    count = 0
    while True:
        try:
            inbox.put_nowait(count)  # (1)!
        except interpreters.QueueFull:
            return count
        count += 1


if __name__ == "__main__":
    inbox = interpreters.create_queue(maxsize=2)  # (2)!
    interp = interpreters.create()
    print("items put before QueueFull:", interp.call(fill, inbox))
    print("full():", inbox.full(), "| qsize():", inbox.qsize())
    unbounded = interpreters.create_queue()
    print("maxsize:", inbox.maxsize, "| default:", unbounded.maxsize)  # (3)!
    print("got:", inbox.get_nowait(), inbox.get_nowait())
    try:
        inbox.get_nowait()
    except queue.Empty as error:  # (4)!
        print("get_nowait():", type(error).__name__)
    print(
        "QueueFull is a queue.Full:",
        issubclass(interpreters.QueueFull, queue.Full),
    )
    interp.close()
