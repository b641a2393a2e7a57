from concurrent import interpreters
from concurrent.interpreters import _queues  # (1)!


def fill(queue):
    queue.put("default")  # (2)!
    queue.put("error", unbounditems=_queues.UNBOUND_ERROR)
    queue.put("remove", unbounditems=_queues.UNBOUND_REMOVE)


if __name__ == "__main__":
    queue = interpreters.create_queue()
    print("queue default:", queue.unbounditems)
    interp = interpreters.create()
    interp.call(fill, queue)
    queue.put("from main")
    print("items before close():", queue.qsize())
    interp.close()  # (3)!
    print("items after close(): ", queue.qsize())
    while not queue.empty():
        try:
            item = queue.get()
        except _queues.ItemInterpreterDestroyed as exc:  # (4)!
            print("get() raised", type(exc).__name__, "-", exc)
        else:
            print("get() returned", item)
