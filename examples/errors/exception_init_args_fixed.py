from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Pool


class ParseError(Exception):
    def __init__(self, line, reason):
        super().__init__(line, reason)  # (1)!
        self.line = line
        self.reason = reason

    def __str__(self):  # (2)!
        return f"line {self.line}: {self.reason}"


def parse(line):
    raise ParseError(line, "not a number")


if __name__ == "__main__":
    with Pool(1) as pool:
        try:
            pool.map(parse, [3])
        except ParseError as exc:
            print("Pool:    ", repr(exc), "-", exc, "- line", exc.line)
    with ProcessPoolExecutor(1) as executor:
        try:
            executor.submit(parse, 3).result()
        except ParseError as exc:
            print("Executor:", repr(exc), "-", exc, "- line", exc.line)
