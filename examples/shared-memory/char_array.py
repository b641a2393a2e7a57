from multiprocessing import Array, Process


def rename(name):
    name.value = b"Bo"  # (1)!


if __name__ == "__main__":
    name = Array("c", b"Alice")  # (2)!
    print(type(name).__name__, len(name), name.value, name.raw)
    p = Process(target=rename, args=(name,))
    p.start()
    p.join()
    print("value:", name.value)  # (3)!
    print("raw:  ", name.raw)
    name.raw = b"Carol"  # (4)!
    print("value:", name.value)
    try:
        name.value = b"Charlotte"  # (5)!
    except ValueError as error:
        print("ValueError:", error)
