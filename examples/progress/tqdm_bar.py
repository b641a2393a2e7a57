from multiprocessing import Pool

from tqdm import tqdm

BAR_FORMAT = "{l_bar}{bar:10}| {n_fmt}/{total_fmt}"  # (1)!


def square(x):
    return x * x


if __name__ == "__main__":
    numbers = [3, 1, 4, 1, 5]
    results = []
    with Pool(2) as pool:
        with tqdm(
            total=len(numbers), bar_format=BAR_FORMAT, ascii=True
        ) as bar:  # (2)!
            for result in pool.imap_unordered(square, numbers):
                results.append(result)
                bar.update()  # (3)!
    print(f"bar closed at {bar.n}/{bar.total}")  # (4)!
    print("results, sorted:", sorted(results))
