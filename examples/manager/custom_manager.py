from multiprocessing import Process
from multiprocessing.managers import BaseManager


class Inventory:  # (1)!
    def __init__(self):
        self._stock = {}

    def add(self, item, count):
        self._stock[item] = self._stock.get(item, 0) + count

    def snapshot(self):
        return dict(sorted(self._stock.items()))


class InventoryManager(BaseManager):
    pass


InventoryManager.register("Inventory", Inventory)  # (2)!


def restock(inventory, item):
    inventory.add(item, 5)  # (3)!


if __name__ == "__main__":
    with InventoryManager() as manager:  # (4)!
        inventory = manager.Inventory()
        inventory.add("apples", 1)
        workers = [
            Process(target=restock, args=(inventory, item))
            for item in ("pears", "plums")
        ]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        print(inventory.snapshot())
