from concurrent.futures import ProcessPoolExecutor, as_completed


def square(x):
    return x * x


if __name__ == "__main__":
    numbers = [3, 1, 4, 1, 5]
    squares = [None] * len(numbers)
    with ProcessPoolExecutor(2) as executor:
        futures = {
            executor.submit(square, x): i for i, x in enumerate(numbers)
        }  # (1)!
        for done, future in enumerate(as_completed(futures), start=1):  # (2)!
            squares[futures[future]] = future.result()
            print(f"done {done}/{len(futures)}")
    print("squares, in input order:", squares)  # (3)!
