from multiprocessing import Event, Pool

ITEMS = 5
all_read = None
items_read = 0


def set_event(event):
    global all_read
    all_read = event


def numbers(event):
    global items_read
    for n in range(ITEMS):
        items_read += 1  # (1)!
        yield n
    event.set()  # (2)!


def square(n):
    if n == 0:
        all_read.wait(timeout=10)  # (3)!
    return n * n


if __name__ == "__main__":
    event = Event()
    with Pool(2, initializer=set_event, initargs=(event,)) as pool:
        results = pool.imap(square, numbers(event))
        first = next(results)
        print(f"first result {first}; items read so far: {items_read}")
        print("the rest:", list(results))
