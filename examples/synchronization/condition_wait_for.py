from multiprocessing import Condition, Process, Value

PRODUCERS = 3
ITEMS_EACH = 2
TARGET = PRODUCERS * ITEMS_EACH


def produce(cond, count):
    for _ in range(ITEMS_EACH):
        with cond:  # (1)!
            count.value += 1
            cond.notify_all()  # (2)!


if __name__ == "__main__":
    cond = Condition()
    count = Value("i", 0, lock=False)  # (3)!

    with cond:
        reached = cond.wait_for(lambda: count.value >= TARGET, timeout=0.1)
    print(f"no producers yet: wait_for(..., timeout=0.1) -> {reached}")  # (4)!

    producers = [
        Process(target=produce, args=(cond, count)) for _ in range(PRODUCERS)
    ]
    for p in producers:
        p.start()
    with cond:
        reached = cond.wait_for(lambda: count.value >= TARGET)  # (5)!
        seen = count.value
    print(f"with producers:   wait_for(...) -> {reached}, count = {seen}")
    for p in producers:
        p.join()
