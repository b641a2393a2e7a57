from multiprocessing import Process
from multiprocessing.shared_memory import ShareableList


def update(name):
    order = ShareableList(name=name)  # (1)!
    order[0] = "espresso"  # (2)!
    order[1] += 1
    order[3] = False
    try:
        order[0] = "cappuccino"  # (3)!
    except ValueError as error:
        print("child:", error)
    order.shm.close()


if __name__ == "__main__":
    order = ShareableList(["tea", 2, 3.5, True, None])  # (4)!
    print(list(order), len(order))
    p = Process(target=update, args=(order.shm.name,))
    p.start()
    p.join()
    print(list(order))  # (5)!
    order.shm.close()
    order.shm.unlink()
