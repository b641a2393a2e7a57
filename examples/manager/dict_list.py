from multiprocessing import Manager, Process


def record(i, squares, seen):
    squares[i] = i * i  # (1)!
    seen.append(i)


if __name__ == "__main__":
    with Manager() as manager:  # (2)!
        squares = manager.dict()
        seen = manager.list()
        workers = [
            Process(target=record, args=(i, squares, seen)) for i in range(10)
        ]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        print(dict(sorted(squares.items())))  # (3)!
        print(sorted(seen))
