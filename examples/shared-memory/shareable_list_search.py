from multiprocessing import Process
from multiprocessing.shared_memory import ShareableList


def swap(name):
    stock = ShareableList(name=name)
    stock[5] = "plum"  # (1)!
    stock.shm.close()


if __name__ == "__main__":
    stock = ShareableList(["pear", 3, 1.0, True, None, "pear"])
    print(stock.format)  # (2)!
    print("count(1):", stock.count(1))  # (3)!
    print("count('pear'):", stock.count("pear"))
    try:
        stock.index("plum")
    except ValueError as error:
        print("index('plum'):", type(error).__name__)  # (4)!
    p = Process(target=swap, args=(stock.shm.name,))
    p.start()
    p.join()
    print("count('pear'):", stock.count("pear"))  # (5)!
    print("index('plum'):", stock.index("plum"))
    stock.shm.close()
    stock.shm.unlink()
