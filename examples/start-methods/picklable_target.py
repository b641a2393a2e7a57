from functools import partial
from multiprocessing import Process


def greet(greeting, name):  # (1)!
    print(f"{greeting}, {name}!")


if __name__ == "__main__":
    targets = [
        Process(target=greet, args=("hello", "alice")),
        Process(target=partial(greet, "hi"), args=("bob",)),  # (2)!
    ]
    for p in targets:
        p.start()
        p.join()
