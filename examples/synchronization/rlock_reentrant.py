from multiprocessing import Lock, Process, RLock, Value


def audit(lock, balance):
    if not lock.acquire(timeout=0.5):  # (1)!
        return "audit() could not get the lock"
    try:
        return f"audit() sees balance = {balance.value}"
    finally:
        lock.release()


def deposit(lock, balance, amount):
    with lock:
        balance.value += amount
        report = audit(lock, balance)  # (2)!
    print(f"{type(lock).__name__ + ':':6} {report}")


if __name__ == "__main__":
    for lock in (Lock(), RLock()):  # (3)!
        balance = Value("i", 100, lock=False)
        p = Process(target=deposit, args=(lock, balance, 50))
        p.start()
        p.join()
