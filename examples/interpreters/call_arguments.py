from concurrent import interpreters


def mark(record):
    record["seen"] = True  # (1)!
    return record


def double(x):
    return x * 2


if __name__ == "__main__":
    interp = interpreters.create()
    record = {"id": 7}
    returned = interp.call(mark, record)
    print("returned:", returned, "- same object:", returned is record)
    print("the original:", record)
    print("a lambda:", interp.call(lambda: "stateless, so it works"))  # (2)!
    factor = 3

    def scale(x):
        return x * factor  # (3)!

    try:
        interp.call(scale, 5)
    except interpreters.NotShareableError as exc:
        print("a closure:", type(exc).__name__, "-", exc)
    interp.close()
