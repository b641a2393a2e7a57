from multiprocessing import Process
from multiprocessing.managers import BaseManager


class Shelf:
    def __init__(self):
        self._titles = []

    def add(self, title):
        self._titles.append(title)

    def titles(self):
        return sorted(self._titles)


class Library:
    def __init__(self):
        self._shelves = {}

    def shelf(self, name):
        return self._shelves.setdefault(name, Shelf())

    def report(self):
        return {n: s.titles() for n, s in sorted(self._shelves.items())}

    def burn(self):
        self._shelves.clear()


class LibraryManager(BaseManager):
    pass


LibraryManager.register(
    "Library",
    Library,
    exposed=("shelf", "report"),  # (1)!
    method_to_typeid={"shelf": "Shelf"},  # (2)!
)
LibraryManager.register("Shelf", create_method=False)  # (3)!
LibraryManager.register("PlainLibrary", Library)  # (4)!


def donate(shelf, library):
    shelf.add("Odes")  # (5)!
    try:
        library.shelf("poems")  # (6)!
    except AttributeError as error:
        print("child: library.shelf() failed:", error)


if __name__ == "__main__":
    with LibraryManager() as manager:
        library = manager.Library()
        poems = library.shelf("poems")
        print(type(poems).__name__)
        p = Process(target=donate, args=(poems, library))
        p.start()
        p.join()
        poems.add("Haiku")
        print(library.report())  # (7)!
        try:
            library.burn()
        except AttributeError as error:
            print("AttributeError:", error)
        plain = manager.PlainLibrary()
        copy = plain.shelf("poems")  # (8)!
        copy.add("Odes")
        print(type(copy).__name__, plain.report())
