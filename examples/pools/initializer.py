from multiprocessing import Pool, Value

letters = None  # (1)!


def init_worker(shared_letters, init_calls):
    global letters
    letters = shared_letters  # (2)!
    with init_calls.get_lock():
        init_calls.value += 1


def count_letters(word):
    with letters.get_lock():  # (3)!
        letters.value += len(word)


if __name__ == "__main__":
    letters_total, init_calls = Value("i", 0), Value("i", 0)
    words = ["pool", "worker", "task", "result"] * 25
    pool = Pool(
        3, initializer=init_worker, initargs=(letters_total, init_calls)
    )
    pool.map(count_letters, words)
    pool.close()  # (4)!
    pool.join()
    print("initializer calls:", init_calls.value, "(3 workers)")
    print("letters counted:  ", letters_total.value)
    print("expected:         ", sum(len(w) for w in words))
