from concurrent.futures import ProcessPoolExecutor

items_read = 0


def numbers():
    global items_read
    for n in range(10):
        items_read += 1  # (1)!
        yield n


def square(n):
    return n * n


if __name__ == "__main__":
    with ProcessPoolExecutor(2) as executor:
        results = executor.map(square, numbers())  # (2)!
        print("no buffersize: read when map() returns:", items_read)
        print("  results:", list(results))

        items_read = 0
        results = executor.map(square, numbers(), buffersize=3)  # (3)!
        print("buffersize=3:  read when map() returns:", items_read)
        print("  first result:", next(results), "- read by then:", items_read)
        print("  the rest:", list(results))
