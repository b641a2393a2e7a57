from multiprocessing import Manager, Process


def collect(words, seen):
    for word in words:
        seen.add(word)  # (1)!


if __name__ == "__main__":
    with Manager() as manager:
        seen = manager.set()  # (2)!
        batches = [["red", "green"], ["green", "blue"], ["blue", "red"]]
        workers = [Process(target=collect, args=(b, seen)) for b in batches]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        print(len(seen), sorted(seen))  # (3)!
        print("green" in seen)
        rest = seen - {"red"}  # (4)!
        print(type(rest).__name__, sorted(rest))
