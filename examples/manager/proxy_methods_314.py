from multiprocessing import Manager


def attempt(label, operation):
    try:
        result = operation()
    except (AttributeError, KeyError, TypeError) as error:
        result = f"{type(error).__name__}: {error}"
    print(f"{label:22} {result}")


def clear_and_read(names):
    names.clear()
    return names[:]


def merge_in_place(scores):
    scores |= {"cy": 1}  # (1)!
    return dict(scores.items())


if __name__ == "__main__":
    with Manager() as manager:
        names = manager.list(["ann", "bob"])
        scores = manager.dict(ann=3, bob=5)
        attempt("names.copy()", lambda: names.copy())  # (2)!
        attempt("scores | {'cy': 1}", lambda: scores | {"cy": 1})
        attempt("scores.fromkeys('xy')", lambda: scores.fromkeys("xy"))
        attempt("reversed(scores)", lambda: list(reversed(scores)))  # (3)!
        attempt("scores |= {'cy': 1}", lambda: merge_in_place(scores))
        attempt("names.clear()", lambda: clear_and_read(names))
