import sys
from concurrent import interpreters

print("top level ran as", repr(__name__))  # (1)!
counter = 0


def read_counter():
    return __name__, counter  # (2)!


if __name__ == "__main__":
    counter = 10
    interp = interpreters.create()
    print("read_counter() there:", interp.call(read_counter))
    print("read_counter() here: ", read_counter())
    interp.exec("import json")  # (3)!
    interp.exec("import sys; print('json there:', 'json' in sys.modules)")
    print("json here: ", "json" in sys.modules)
    interp.close()
