from multiprocessing import Pool


def square(x):
    return x * x


if __name__ == "__main__":
    numbers = [3, 1, 4, 1, 5]
    results = []
    with Pool(2) as pool:
        for result in pool.imap_unordered(square, numbers):  # (1)!
            results.append(result)
            print(f"done {len(results)}/{len(numbers)}")  # (2)!
    print("results, sorted:", sorted(results))  # (3)!
