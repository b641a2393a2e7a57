from multiprocessing import Condition, Process, Queue, Value


def consumer(cond, items, reports):
    wakeups = 0
    with cond:
        reports.put("asleep")  # (1)!
        while items.value == 0:  # (2)!
            cond.wait()
            wakeups += 1
            if items.value == 0:
                reports.put("woken for nothing, asleep again")
        items.value -= 1
    reports.put(f"took the item, woken {wakeups} time(s)")


def add_item(cond, items, notify):
    with cond:  # (3)!
        items.value += 1
        notify()


if __name__ == "__main__":
    cond = Condition()
    items = Value("i", 0, lock=False)
    reports = Queue()
    consumers = [
        Process(target=consumer, args=(cond, items, reports)) for _ in range(3)
    ]
    for c in consumers:
        c.start()
    print("consumers:", [reports.get() for _ in consumers])
    add_item(cond, items, cond.notify)  # (4)!
    print("notify():    ", [reports.get()])
    add_item(cond, items, cond.notify_all)  # (5)!
    print("notify_all():", sorted(reports.get() for _ in range(2)))
    add_item(cond, items, cond.notify)
    print("notify():    ", [reports.get()])  # (6)!
    for c in consumers:
        c.join()
